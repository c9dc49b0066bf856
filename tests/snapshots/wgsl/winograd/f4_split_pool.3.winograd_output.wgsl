// spec: {"c":16,"epilogue":[{"op":"bias"},{"op":"relu"}],"h":16,"kind":"winograd_output","m":4,"n":2,"o":16,"pool":true,"tn":4,"w":16}
// winograd_output F(4,3)+pool x4: workgroup size 64x1x1, 2x1x1 workgroups, 0 bytes of workgroup memory
// bindings: mt:read:f32, ep0_bias:read:f32, y:read_write:f32
// winograd_output F(4,3) 2x16x16x16 + maxpool, 4 tiles per invocation
@group(0) @binding(0) var<storage, read> mt: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> ep0_bias: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = wg.x * 64u + lid.x;
  let o = i / 8u;
  let p0 = (i % 8u) * 4u;
  let mt0 = mt[0u + o * 8u + p0 / 4u];
  let mt1 = mt[128u + o * 8u + p0 / 4u];
  let mt2 = mt[256u + o * 8u + p0 / 4u];
  let mt3 = mt[384u + o * 8u + p0 / 4u];
  let mt4 = mt[512u + o * 8u + p0 / 4u];
  let mt5 = mt[640u + o * 8u + p0 / 4u];
  let mt6 = mt[768u + o * 8u + p0 / 4u];
  let mt7 = mt[896u + o * 8u + p0 / 4u];
  let mt8 = mt[1024u + o * 8u + p0 / 4u];
  let mt9 = mt[1152u + o * 8u + p0 / 4u];
  let mt10 = mt[1280u + o * 8u + p0 / 4u];
  let mt11 = mt[1408u + o * 8u + p0 / 4u];
  let mt12 = mt[1536u + o * 8u + p0 / 4u];
  let mt13 = mt[1664u + o * 8u + p0 / 4u];
  let mt14 = mt[1792u + o * 8u + p0 / 4u];
  let mt15 = mt[1920u + o * 8u + p0 / 4u];
  let mt16 = mt[2048u + o * 8u + p0 / 4u];
  let mt17 = mt[2176u + o * 8u + p0 / 4u];
  let mt18 = mt[2304u + o * 8u + p0 / 4u];
  let mt19 = mt[2432u + o * 8u + p0 / 4u];
  let mt20 = mt[2560u + o * 8u + p0 / 4u];
  let mt21 = mt[2688u + o * 8u + p0 / 4u];
  let mt22 = mt[2816u + o * 8u + p0 / 4u];
  let mt23 = mt[2944u + o * 8u + p0 / 4u];
  let mt24 = mt[3072u + o * 8u + p0 / 4u];
  let mt25 = mt[3200u + o * 8u + p0 / 4u];
  let mt26 = mt[3328u + o * 8u + p0 / 4u];
  let mt27 = mt[3456u + o * 8u + p0 / 4u];
  let mt28 = mt[3584u + o * 8u + p0 / 4u];
  let mt29 = mt[3712u + o * 8u + p0 / 4u];
  let mt30 = mt[3840u + o * 8u + p0 / 4u];
  let mt31 = mt[3968u + o * 8u + p0 / 4u];
  let mt32 = mt[4096u + o * 8u + p0 / 4u];
  let mt33 = mt[4224u + o * 8u + p0 / 4u];
  let mt34 = mt[4352u + o * 8u + p0 / 4u];
  let mt35 = mt[4480u + o * 8u + p0 / 4u];
  {
    let pp = p0 + 0u;
    let t_img = pp / 16u;
    let t_ty = (pp / 4u) % 4u;
    let t_tx = pp % 4u;
    let q_0_0 = mt0.x + mt6.x + mt12.x + mt18.x + mt24.x;
    let q_1_0 = 1.5f * mt6.x - 1.5f * mt12.x + 0.6666666865348816f * mt18.x - 0.6666666865348816f * mt24.x;
    let q_2_0 = 2.25f * mt6.x + 2.25f * mt12.x + 0.4444444477558136f * mt18.x + 0.4444444477558136f * mt24.x;
    let q_3_0 = 3.375f * mt6.x - 3.375f * mt12.x + 0.29629629850387573f * mt18.x - 0.29629629850387573f * mt24.x + mt30.x;
    let q_0_1 = mt1.x + mt7.x + mt13.x + mt19.x + mt25.x;
    let q_1_1 = 1.5f * mt7.x - 1.5f * mt13.x + 0.6666666865348816f * mt19.x - 0.6666666865348816f * mt25.x;
    let q_2_1 = 2.25f * mt7.x + 2.25f * mt13.x + 0.4444444477558136f * mt19.x + 0.4444444477558136f * mt25.x;
    let q_3_1 = 3.375f * mt7.x - 3.375f * mt13.x + 0.29629629850387573f * mt19.x - 0.29629629850387573f * mt25.x + mt31.x;
    let q_0_2 = mt2.x + mt8.x + mt14.x + mt20.x + mt26.x;
    let q_1_2 = 1.5f * mt8.x - 1.5f * mt14.x + 0.6666666865348816f * mt20.x - 0.6666666865348816f * mt26.x;
    let q_2_2 = 2.25f * mt8.x + 2.25f * mt14.x + 0.4444444477558136f * mt20.x + 0.4444444477558136f * mt26.x;
    let q_3_2 = 3.375f * mt8.x - 3.375f * mt14.x + 0.29629629850387573f * mt20.x - 0.29629629850387573f * mt26.x + mt32.x;
    let q_0_3 = mt3.x + mt9.x + mt15.x + mt21.x + mt27.x;
    let q_1_3 = 1.5f * mt9.x - 1.5f * mt15.x + 0.6666666865348816f * mt21.x - 0.6666666865348816f * mt27.x;
    let q_2_3 = 2.25f * mt9.x + 2.25f * mt15.x + 0.4444444477558136f * mt21.x + 0.4444444477558136f * mt27.x;
    let q_3_3 = 3.375f * mt9.x - 3.375f * mt15.x + 0.29629629850387573f * mt21.x - 0.29629629850387573f * mt27.x + mt33.x;
    let q_0_4 = mt4.x + mt10.x + mt16.x + mt22.x + mt28.x;
    let q_1_4 = 1.5f * mt10.x - 1.5f * mt16.x + 0.6666666865348816f * mt22.x - 0.6666666865348816f * mt28.x;
    let q_2_4 = 2.25f * mt10.x + 2.25f * mt16.x + 0.4444444477558136f * mt22.x + 0.4444444477558136f * mt28.x;
    let q_3_4 = 3.375f * mt10.x - 3.375f * mt16.x + 0.29629629850387573f * mt22.x - 0.29629629850387573f * mt28.x + mt34.x;
    let q_0_5 = mt5.x + mt11.x + mt17.x + mt23.x + mt29.x;
    let q_1_5 = 1.5f * mt11.x - 1.5f * mt17.x + 0.6666666865348816f * mt23.x - 0.6666666865348816f * mt29.x;
    let q_2_5 = 2.25f * mt11.x + 2.25f * mt17.x + 0.4444444477558136f * mt23.x + 0.4444444477558136f * mt29.x;
    let q_3_5 = 3.375f * mt11.x - 3.375f * mt17.x + 0.29629629850387573f * mt23.x - 0.29629629850387573f * mt29.x + mt35.x;
    let y_0_0 = q_0_0 + q_0_1 + q_0_2 + q_0_3 + q_0_4;
    let y_0_1 = 1.5f * q_0_1 - 1.5f * q_0_2 + 0.6666666865348816f * q_0_3 - 0.6666666865348816f * q_0_4;
    let y_0_2 = 2.25f * q_0_1 + 2.25f * q_0_2 + 0.4444444477558136f * q_0_3 + 0.4444444477558136f * q_0_4;
    let y_0_3 = 3.375f * q_0_1 - 3.375f * q_0_2 + 0.29629629850387573f * q_0_3 - 0.29629629850387573f * q_0_4 + q_0_5;
    let y_1_0 = q_1_0 + q_1_1 + q_1_2 + q_1_3 + q_1_4;
    let y_1_1 = 1.5f * q_1_1 - 1.5f * q_1_2 + 0.6666666865348816f * q_1_3 - 0.6666666865348816f * q_1_4;
    let y_1_2 = 2.25f * q_1_1 + 2.25f * q_1_2 + 0.4444444477558136f * q_1_3 + 0.4444444477558136f * q_1_4;
    let y_1_3 = 3.375f * q_1_1 - 3.375f * q_1_2 + 0.29629629850387573f * q_1_3 - 0.29629629850387573f * q_1_4 + q_1_5;
    let y_2_0 = q_2_0 + q_2_1 + q_2_2 + q_2_3 + q_2_4;
    let y_2_1 = 1.5f * q_2_1 - 1.5f * q_2_2 + 0.6666666865348816f * q_2_3 - 0.6666666865348816f * q_2_4;
    let y_2_2 = 2.25f * q_2_1 + 2.25f * q_2_2 + 0.4444444477558136f * q_2_3 + 0.4444444477558136f * q_2_4;
    let y_2_3 = 3.375f * q_2_1 - 3.375f * q_2_2 + 0.29629629850387573f * q_2_3 - 0.29629629850387573f * q_2_4 + q_2_5;
    let y_3_0 = q_3_0 + q_3_1 + q_3_2 + q_3_3 + q_3_4;
    let y_3_1 = 1.5f * q_3_1 - 1.5f * q_3_2 + 0.6666666865348816f * q_3_3 - 0.6666666865348816f * q_3_4;
    let y_3_2 = 2.25f * q_3_1 + 2.25f * q_3_2 + 0.4444444477558136f * q_3_3 + 0.4444444477558136f * q_3_4;
    let y_3_3 = 3.375f * q_3_1 - 3.375f * q_3_2 + 0.29629629850387573f * q_3_3 - 0.29629629850387573f * q_3_4 + q_3_5;
    let py = t_ty * 2u;
    let px = t_tx * 2u;
    let row = ((t_img * 16u + o) * 8u + py) * 8u + px;
    {
      var r0 = y_0_0;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_0_1;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_1_0;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_1_1;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 0u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_0_2;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_0_3;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_1_2;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_1_3;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 1u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_2_0;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_2_1;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_3_0;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_3_1;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 8u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_2_2;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_2_3;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_3_2;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_3_3;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 9u] = max(max(r0, r1), max(r2, r3));
    }
  }
  {
    let pp = p0 + 1u;
    let t_img = pp / 16u;
    let t_ty = (pp / 4u) % 4u;
    let t_tx = pp % 4u;
    let q_0_0 = mt0.y + mt6.y + mt12.y + mt18.y + mt24.y;
    let q_1_0 = 1.5f * mt6.y - 1.5f * mt12.y + 0.6666666865348816f * mt18.y - 0.6666666865348816f * mt24.y;
    let q_2_0 = 2.25f * mt6.y + 2.25f * mt12.y + 0.4444444477558136f * mt18.y + 0.4444444477558136f * mt24.y;
    let q_3_0 = 3.375f * mt6.y - 3.375f * mt12.y + 0.29629629850387573f * mt18.y - 0.29629629850387573f * mt24.y + mt30.y;
    let q_0_1 = mt1.y + mt7.y + mt13.y + mt19.y + mt25.y;
    let q_1_1 = 1.5f * mt7.y - 1.5f * mt13.y + 0.6666666865348816f * mt19.y - 0.6666666865348816f * mt25.y;
    let q_2_1 = 2.25f * mt7.y + 2.25f * mt13.y + 0.4444444477558136f * mt19.y + 0.4444444477558136f * mt25.y;
    let q_3_1 = 3.375f * mt7.y - 3.375f * mt13.y + 0.29629629850387573f * mt19.y - 0.29629629850387573f * mt25.y + mt31.y;
    let q_0_2 = mt2.y + mt8.y + mt14.y + mt20.y + mt26.y;
    let q_1_2 = 1.5f * mt8.y - 1.5f * mt14.y + 0.6666666865348816f * mt20.y - 0.6666666865348816f * mt26.y;
    let q_2_2 = 2.25f * mt8.y + 2.25f * mt14.y + 0.4444444477558136f * mt20.y + 0.4444444477558136f * mt26.y;
    let q_3_2 = 3.375f * mt8.y - 3.375f * mt14.y + 0.29629629850387573f * mt20.y - 0.29629629850387573f * mt26.y + mt32.y;
    let q_0_3 = mt3.y + mt9.y + mt15.y + mt21.y + mt27.y;
    let q_1_3 = 1.5f * mt9.y - 1.5f * mt15.y + 0.6666666865348816f * mt21.y - 0.6666666865348816f * mt27.y;
    let q_2_3 = 2.25f * mt9.y + 2.25f * mt15.y + 0.4444444477558136f * mt21.y + 0.4444444477558136f * mt27.y;
    let q_3_3 = 3.375f * mt9.y - 3.375f * mt15.y + 0.29629629850387573f * mt21.y - 0.29629629850387573f * mt27.y + mt33.y;
    let q_0_4 = mt4.y + mt10.y + mt16.y + mt22.y + mt28.y;
    let q_1_4 = 1.5f * mt10.y - 1.5f * mt16.y + 0.6666666865348816f * mt22.y - 0.6666666865348816f * mt28.y;
    let q_2_4 = 2.25f * mt10.y + 2.25f * mt16.y + 0.4444444477558136f * mt22.y + 0.4444444477558136f * mt28.y;
    let q_3_4 = 3.375f * mt10.y - 3.375f * mt16.y + 0.29629629850387573f * mt22.y - 0.29629629850387573f * mt28.y + mt34.y;
    let q_0_5 = mt5.y + mt11.y + mt17.y + mt23.y + mt29.y;
    let q_1_5 = 1.5f * mt11.y - 1.5f * mt17.y + 0.6666666865348816f * mt23.y - 0.6666666865348816f * mt29.y;
    let q_2_5 = 2.25f * mt11.y + 2.25f * mt17.y + 0.4444444477558136f * mt23.y + 0.4444444477558136f * mt29.y;
    let q_3_5 = 3.375f * mt11.y - 3.375f * mt17.y + 0.29629629850387573f * mt23.y - 0.29629629850387573f * mt29.y + mt35.y;
    let y_0_0 = q_0_0 + q_0_1 + q_0_2 + q_0_3 + q_0_4;
    let y_0_1 = 1.5f * q_0_1 - 1.5f * q_0_2 + 0.6666666865348816f * q_0_3 - 0.6666666865348816f * q_0_4;
    let y_0_2 = 2.25f * q_0_1 + 2.25f * q_0_2 + 0.4444444477558136f * q_0_3 + 0.4444444477558136f * q_0_4;
    let y_0_3 = 3.375f * q_0_1 - 3.375f * q_0_2 + 0.29629629850387573f * q_0_3 - 0.29629629850387573f * q_0_4 + q_0_5;
    let y_1_0 = q_1_0 + q_1_1 + q_1_2 + q_1_3 + q_1_4;
    let y_1_1 = 1.5f * q_1_1 - 1.5f * q_1_2 + 0.6666666865348816f * q_1_3 - 0.6666666865348816f * q_1_4;
    let y_1_2 = 2.25f * q_1_1 + 2.25f * q_1_2 + 0.4444444477558136f * q_1_3 + 0.4444444477558136f * q_1_4;
    let y_1_3 = 3.375f * q_1_1 - 3.375f * q_1_2 + 0.29629629850387573f * q_1_3 - 0.29629629850387573f * q_1_4 + q_1_5;
    let y_2_0 = q_2_0 + q_2_1 + q_2_2 + q_2_3 + q_2_4;
    let y_2_1 = 1.5f * q_2_1 - 1.5f * q_2_2 + 0.6666666865348816f * q_2_3 - 0.6666666865348816f * q_2_4;
    let y_2_2 = 2.25f * q_2_1 + 2.25f * q_2_2 + 0.4444444477558136f * q_2_3 + 0.4444444477558136f * q_2_4;
    let y_2_3 = 3.375f * q_2_1 - 3.375f * q_2_2 + 0.29629629850387573f * q_2_3 - 0.29629629850387573f * q_2_4 + q_2_5;
    let y_3_0 = q_3_0 + q_3_1 + q_3_2 + q_3_3 + q_3_4;
    let y_3_1 = 1.5f * q_3_1 - 1.5f * q_3_2 + 0.6666666865348816f * q_3_3 - 0.6666666865348816f * q_3_4;
    let y_3_2 = 2.25f * q_3_1 + 2.25f * q_3_2 + 0.4444444477558136f * q_3_3 + 0.4444444477558136f * q_3_4;
    let y_3_3 = 3.375f * q_3_1 - 3.375f * q_3_2 + 0.29629629850387573f * q_3_3 - 0.29629629850387573f * q_3_4 + q_3_5;
    let py = t_ty * 2u;
    let px = t_tx * 2u;
    let row = ((t_img * 16u + o) * 8u + py) * 8u + px;
    {
      var r0 = y_0_0;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_0_1;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_1_0;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_1_1;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 0u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_0_2;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_0_3;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_1_2;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_1_3;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 1u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_2_0;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_2_1;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_3_0;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_3_1;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 8u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_2_2;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_2_3;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_3_2;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_3_3;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 9u] = max(max(r0, r1), max(r2, r3));
    }
  }
  {
    let pp = p0 + 2u;
    let t_img = pp / 16u;
    let t_ty = (pp / 4u) % 4u;
    let t_tx = pp % 4u;
    let q_0_0 = mt0.z + mt6.z + mt12.z + mt18.z + mt24.z;
    let q_1_0 = 1.5f * mt6.z - 1.5f * mt12.z + 0.6666666865348816f * mt18.z - 0.6666666865348816f * mt24.z;
    let q_2_0 = 2.25f * mt6.z + 2.25f * mt12.z + 0.4444444477558136f * mt18.z + 0.4444444477558136f * mt24.z;
    let q_3_0 = 3.375f * mt6.z - 3.375f * mt12.z + 0.29629629850387573f * mt18.z - 0.29629629850387573f * mt24.z + mt30.z;
    let q_0_1 = mt1.z + mt7.z + mt13.z + mt19.z + mt25.z;
    let q_1_1 = 1.5f * mt7.z - 1.5f * mt13.z + 0.6666666865348816f * mt19.z - 0.6666666865348816f * mt25.z;
    let q_2_1 = 2.25f * mt7.z + 2.25f * mt13.z + 0.4444444477558136f * mt19.z + 0.4444444477558136f * mt25.z;
    let q_3_1 = 3.375f * mt7.z - 3.375f * mt13.z + 0.29629629850387573f * mt19.z - 0.29629629850387573f * mt25.z + mt31.z;
    let q_0_2 = mt2.z + mt8.z + mt14.z + mt20.z + mt26.z;
    let q_1_2 = 1.5f * mt8.z - 1.5f * mt14.z + 0.6666666865348816f * mt20.z - 0.6666666865348816f * mt26.z;
    let q_2_2 = 2.25f * mt8.z + 2.25f * mt14.z + 0.4444444477558136f * mt20.z + 0.4444444477558136f * mt26.z;
    let q_3_2 = 3.375f * mt8.z - 3.375f * mt14.z + 0.29629629850387573f * mt20.z - 0.29629629850387573f * mt26.z + mt32.z;
    let q_0_3 = mt3.z + mt9.z + mt15.z + mt21.z + mt27.z;
    let q_1_3 = 1.5f * mt9.z - 1.5f * mt15.z + 0.6666666865348816f * mt21.z - 0.6666666865348816f * mt27.z;
    let q_2_3 = 2.25f * mt9.z + 2.25f * mt15.z + 0.4444444477558136f * mt21.z + 0.4444444477558136f * mt27.z;
    let q_3_3 = 3.375f * mt9.z - 3.375f * mt15.z + 0.29629629850387573f * mt21.z - 0.29629629850387573f * mt27.z + mt33.z;
    let q_0_4 = mt4.z + mt10.z + mt16.z + mt22.z + mt28.z;
    let q_1_4 = 1.5f * mt10.z - 1.5f * mt16.z + 0.6666666865348816f * mt22.z - 0.6666666865348816f * mt28.z;
    let q_2_4 = 2.25f * mt10.z + 2.25f * mt16.z + 0.4444444477558136f * mt22.z + 0.4444444477558136f * mt28.z;
    let q_3_4 = 3.375f * mt10.z - 3.375f * mt16.z + 0.29629629850387573f * mt22.z - 0.29629629850387573f * mt28.z + mt34.z;
    let q_0_5 = mt5.z + mt11.z + mt17.z + mt23.z + mt29.z;
    let q_1_5 = 1.5f * mt11.z - 1.5f * mt17.z + 0.6666666865348816f * mt23.z - 0.6666666865348816f * mt29.z;
    let q_2_5 = 2.25f * mt11.z + 2.25f * mt17.z + 0.4444444477558136f * mt23.z + 0.4444444477558136f * mt29.z;
    let q_3_5 = 3.375f * mt11.z - 3.375f * mt17.z + 0.29629629850387573f * mt23.z - 0.29629629850387573f * mt29.z + mt35.z;
    let y_0_0 = q_0_0 + q_0_1 + q_0_2 + q_0_3 + q_0_4;
    let y_0_1 = 1.5f * q_0_1 - 1.5f * q_0_2 + 0.6666666865348816f * q_0_3 - 0.6666666865348816f * q_0_4;
    let y_0_2 = 2.25f * q_0_1 + 2.25f * q_0_2 + 0.4444444477558136f * q_0_3 + 0.4444444477558136f * q_0_4;
    let y_0_3 = 3.375f * q_0_1 - 3.375f * q_0_2 + 0.29629629850387573f * q_0_3 - 0.29629629850387573f * q_0_4 + q_0_5;
    let y_1_0 = q_1_0 + q_1_1 + q_1_2 + q_1_3 + q_1_4;
    let y_1_1 = 1.5f * q_1_1 - 1.5f * q_1_2 + 0.6666666865348816f * q_1_3 - 0.6666666865348816f * q_1_4;
    let y_1_2 = 2.25f * q_1_1 + 2.25f * q_1_2 + 0.4444444477558136f * q_1_3 + 0.4444444477558136f * q_1_4;
    let y_1_3 = 3.375f * q_1_1 - 3.375f * q_1_2 + 0.29629629850387573f * q_1_3 - 0.29629629850387573f * q_1_4 + q_1_5;
    let y_2_0 = q_2_0 + q_2_1 + q_2_2 + q_2_3 + q_2_4;
    let y_2_1 = 1.5f * q_2_1 - 1.5f * q_2_2 + 0.6666666865348816f * q_2_3 - 0.6666666865348816f * q_2_4;
    let y_2_2 = 2.25f * q_2_1 + 2.25f * q_2_2 + 0.4444444477558136f * q_2_3 + 0.4444444477558136f * q_2_4;
    let y_2_3 = 3.375f * q_2_1 - 3.375f * q_2_2 + 0.29629629850387573f * q_2_3 - 0.29629629850387573f * q_2_4 + q_2_5;
    let y_3_0 = q_3_0 + q_3_1 + q_3_2 + q_3_3 + q_3_4;
    let y_3_1 = 1.5f * q_3_1 - 1.5f * q_3_2 + 0.6666666865348816f * q_3_3 - 0.6666666865348816f * q_3_4;
    let y_3_2 = 2.25f * q_3_1 + 2.25f * q_3_2 + 0.4444444477558136f * q_3_3 + 0.4444444477558136f * q_3_4;
    let y_3_3 = 3.375f * q_3_1 - 3.375f * q_3_2 + 0.29629629850387573f * q_3_3 - 0.29629629850387573f * q_3_4 + q_3_5;
    let py = t_ty * 2u;
    let px = t_tx * 2u;
    let row = ((t_img * 16u + o) * 8u + py) * 8u + px;
    {
      var r0 = y_0_0;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_0_1;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_1_0;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_1_1;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 0u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_0_2;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_0_3;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_1_2;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_1_3;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 1u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_2_0;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_2_1;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_3_0;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_3_1;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 8u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_2_2;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_2_3;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_3_2;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_3_3;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 9u] = max(max(r0, r1), max(r2, r3));
    }
  }
  {
    let pp = p0 + 3u;
    let t_img = pp / 16u;
    let t_ty = (pp / 4u) % 4u;
    let t_tx = pp % 4u;
    let q_0_0 = mt0.w + mt6.w + mt12.w + mt18.w + mt24.w;
    let q_1_0 = 1.5f * mt6.w - 1.5f * mt12.w + 0.6666666865348816f * mt18.w - 0.6666666865348816f * mt24.w;
    let q_2_0 = 2.25f * mt6.w + 2.25f * mt12.w + 0.4444444477558136f * mt18.w + 0.4444444477558136f * mt24.w;
    let q_3_0 = 3.375f * mt6.w - 3.375f * mt12.w + 0.29629629850387573f * mt18.w - 0.29629629850387573f * mt24.w + mt30.w;
    let q_0_1 = mt1.w + mt7.w + mt13.w + mt19.w + mt25.w;
    let q_1_1 = 1.5f * mt7.w - 1.5f * mt13.w + 0.6666666865348816f * mt19.w - 0.6666666865348816f * mt25.w;
    let q_2_1 = 2.25f * mt7.w + 2.25f * mt13.w + 0.4444444477558136f * mt19.w + 0.4444444477558136f * mt25.w;
    let q_3_1 = 3.375f * mt7.w - 3.375f * mt13.w + 0.29629629850387573f * mt19.w - 0.29629629850387573f * mt25.w + mt31.w;
    let q_0_2 = mt2.w + mt8.w + mt14.w + mt20.w + mt26.w;
    let q_1_2 = 1.5f * mt8.w - 1.5f * mt14.w + 0.6666666865348816f * mt20.w - 0.6666666865348816f * mt26.w;
    let q_2_2 = 2.25f * mt8.w + 2.25f * mt14.w + 0.4444444477558136f * mt20.w + 0.4444444477558136f * mt26.w;
    let q_3_2 = 3.375f * mt8.w - 3.375f * mt14.w + 0.29629629850387573f * mt20.w - 0.29629629850387573f * mt26.w + mt32.w;
    let q_0_3 = mt3.w + mt9.w + mt15.w + mt21.w + mt27.w;
    let q_1_3 = 1.5f * mt9.w - 1.5f * mt15.w + 0.6666666865348816f * mt21.w - 0.6666666865348816f * mt27.w;
    let q_2_3 = 2.25f * mt9.w + 2.25f * mt15.w + 0.4444444477558136f * mt21.w + 0.4444444477558136f * mt27.w;
    let q_3_3 = 3.375f * mt9.w - 3.375f * mt15.w + 0.29629629850387573f * mt21.w - 0.29629629850387573f * mt27.w + mt33.w;
    let q_0_4 = mt4.w + mt10.w + mt16.w + mt22.w + mt28.w;
    let q_1_4 = 1.5f * mt10.w - 1.5f * mt16.w + 0.6666666865348816f * mt22.w - 0.6666666865348816f * mt28.w;
    let q_2_4 = 2.25f * mt10.w + 2.25f * mt16.w + 0.4444444477558136f * mt22.w + 0.4444444477558136f * mt28.w;
    let q_3_4 = 3.375f * mt10.w - 3.375f * mt16.w + 0.29629629850387573f * mt22.w - 0.29629629850387573f * mt28.w + mt34.w;
    let q_0_5 = mt5.w + mt11.w + mt17.w + mt23.w + mt29.w;
    let q_1_5 = 1.5f * mt11.w - 1.5f * mt17.w + 0.6666666865348816f * mt23.w - 0.6666666865348816f * mt29.w;
    let q_2_5 = 2.25f * mt11.w + 2.25f * mt17.w + 0.4444444477558136f * mt23.w + 0.4444444477558136f * mt29.w;
    let q_3_5 = 3.375f * mt11.w - 3.375f * mt17.w + 0.29629629850387573f * mt23.w - 0.29629629850387573f * mt29.w + mt35.w;
    let y_0_0 = q_0_0 + q_0_1 + q_0_2 + q_0_3 + q_0_4;
    let y_0_1 = 1.5f * q_0_1 - 1.5f * q_0_2 + 0.6666666865348816f * q_0_3 - 0.6666666865348816f * q_0_4;
    let y_0_2 = 2.25f * q_0_1 + 2.25f * q_0_2 + 0.4444444477558136f * q_0_3 + 0.4444444477558136f * q_0_4;
    let y_0_3 = 3.375f * q_0_1 - 3.375f * q_0_2 + 0.29629629850387573f * q_0_3 - 0.29629629850387573f * q_0_4 + q_0_5;
    let y_1_0 = q_1_0 + q_1_1 + q_1_2 + q_1_3 + q_1_4;
    let y_1_1 = 1.5f * q_1_1 - 1.5f * q_1_2 + 0.6666666865348816f * q_1_3 - 0.6666666865348816f * q_1_4;
    let y_1_2 = 2.25f * q_1_1 + 2.25f * q_1_2 + 0.4444444477558136f * q_1_3 + 0.4444444477558136f * q_1_4;
    let y_1_3 = 3.375f * q_1_1 - 3.375f * q_1_2 + 0.29629629850387573f * q_1_3 - 0.29629629850387573f * q_1_4 + q_1_5;
    let y_2_0 = q_2_0 + q_2_1 + q_2_2 + q_2_3 + q_2_4;
    let y_2_1 = 1.5f * q_2_1 - 1.5f * q_2_2 + 0.6666666865348816f * q_2_3 - 0.6666666865348816f * q_2_4;
    let y_2_2 = 2.25f * q_2_1 + 2.25f * q_2_2 + 0.4444444477558136f * q_2_3 + 0.4444444477558136f * q_2_4;
    let y_2_3 = 3.375f * q_2_1 - 3.375f * q_2_2 + 0.29629629850387573f * q_2_3 - 0.29629629850387573f * q_2_4 + q_2_5;
    let y_3_0 = q_3_0 + q_3_1 + q_3_2 + q_3_3 + q_3_4;
    let y_3_1 = 1.5f * q_3_1 - 1.5f * q_3_2 + 0.6666666865348816f * q_3_3 - 0.6666666865348816f * q_3_4;
    let y_3_2 = 2.25f * q_3_1 + 2.25f * q_3_2 + 0.4444444477558136f * q_3_3 + 0.4444444477558136f * q_3_4;
    let y_3_3 = 3.375f * q_3_1 - 3.375f * q_3_2 + 0.29629629850387573f * q_3_3 - 0.29629629850387573f * q_3_4 + q_3_5;
    let py = t_ty * 2u;
    let px = t_tx * 2u;
    let row = ((t_img * 16u + o) * 8u + py) * 8u + px;
    {
      var r0 = y_0_0;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_0_1;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_1_0;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_1_1;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 0u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_0_2;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_0_3;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_1_2;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_1_3;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 1u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_2_0;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_2_1;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_3_0;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_3_1;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 8u] = max(max(r0, r1), max(r2, r3));
    }
    {
      var r0 = y_2_2;
      r0 += ep0_bias[o];
      r0 = select(r0, 0.0f, r0 < 0.0f);
      var r1 = y_2_3;
      r1 += ep0_bias[o];
      r1 = select(r1, 0.0f, r1 < 0.0f);
      var r2 = y_3_2;
      r2 += ep0_bias[o];
      r2 = select(r2, 0.0f, r2 < 0.0f);
      var r3 = y_3_3;
      r3 += ep0_bias[o];
      r3 = select(r3, 0.0f, r3 < 0.0f);
      y[row + 9u] = max(max(r0, r1), max(r2, r3));
    }
  }
}
