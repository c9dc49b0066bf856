// spec: {"c":64,"epilogue":[{"op":"relu_grad"}],"flip":true,"h":2,"k":3,"kind":"conv","n":2,"o":64,"packed":true,"pad":1,"tile":{"bk":4,"bm":32,"bn":8,"ks":1,"tm":4,"tn":8,"variant":"register"},"w":2}
// conv register 4x8 vec4: workgroup size 1x8x1, 2x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, wt:read:f32, ep0_mask:read:f32, y:read_write:f32
// conv 2x64x2x2 -> 64 k3 pad1 flip (register)
@group(0) @binding(0) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> wt: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> ep0_mask: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(1, 8, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let block_row = wg.x * 32u;
  let r_base = block_row + (lid.y * 4u);
  let c_base = lid.x * 8u;
  let w_g0 = min(r_base / 4u + 0u, 15u);
  let xb0 = min(c_base / 4u + 0u, 1u) * 256u;
  let xb1 = min(c_base / 4u + 1u, 1u) * 256u;
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f;
  for (var ci = 0u; ci < 64u; ci++) {
    let x0_0 = x[(xb0 + ci * 4u) / 4u + 0u];
    let x1_0 = x[(xb1 + ci * 4u) / 4u + 0u];
    {
      let av0 = wt[(ci * 9u + 0u) * 16u + w_g0];
      acc0_3 += av0.x * x0_0.x;
      acc1_3 += av0.y * x0_0.x;
      acc2_3 += av0.z * x0_0.x;
      acc3_3 += av0.w * x0_0.x;
      acc0_7 += av0.x * x1_0.x;
      acc1_7 += av0.y * x1_0.x;
      acc2_7 += av0.z * x1_0.x;
      acc3_7 += av0.w * x1_0.x;
    }
    {
      let av0 = wt[(ci * 9u + 1u) * 16u + w_g0];
      acc0_2 += av0.x * x0_0.x;
      acc1_2 += av0.y * x0_0.x;
      acc2_2 += av0.z * x0_0.x;
      acc3_2 += av0.w * x0_0.x;
      acc0_3 += av0.x * x0_0.y;
      acc1_3 += av0.y * x0_0.y;
      acc2_3 += av0.z * x0_0.y;
      acc3_3 += av0.w * x0_0.y;
      acc0_6 += av0.x * x1_0.x;
      acc1_6 += av0.y * x1_0.x;
      acc2_6 += av0.z * x1_0.x;
      acc3_6 += av0.w * x1_0.x;
      acc0_7 += av0.x * x1_0.y;
      acc1_7 += av0.y * x1_0.y;
      acc2_7 += av0.z * x1_0.y;
      acc3_7 += av0.w * x1_0.y;
    }
    {
      let av0 = wt[(ci * 9u + 2u) * 16u + w_g0];
      acc0_2 += av0.x * x0_0.y;
      acc1_2 += av0.y * x0_0.y;
      acc2_2 += av0.z * x0_0.y;
      acc3_2 += av0.w * x0_0.y;
      acc0_6 += av0.x * x1_0.y;
      acc1_6 += av0.y * x1_0.y;
      acc2_6 += av0.z * x1_0.y;
      acc3_6 += av0.w * x1_0.y;
    }
    {
      let av0 = wt[(ci * 9u + 3u) * 16u + w_g0];
      acc0_1 += av0.x * x0_0.x;
      acc1_1 += av0.y * x0_0.x;
      acc2_1 += av0.z * x0_0.x;
      acc3_1 += av0.w * x0_0.x;
      acc0_3 += av0.x * x0_0.z;
      acc1_3 += av0.y * x0_0.z;
      acc2_3 += av0.z * x0_0.z;
      acc3_3 += av0.w * x0_0.z;
      acc0_5 += av0.x * x1_0.x;
      acc1_5 += av0.y * x1_0.x;
      acc2_5 += av0.z * x1_0.x;
      acc3_5 += av0.w * x1_0.x;
      acc0_7 += av0.x * x1_0.z;
      acc1_7 += av0.y * x1_0.z;
      acc2_7 += av0.z * x1_0.z;
      acc3_7 += av0.w * x1_0.z;
    }
    {
      let av0 = wt[(ci * 9u + 4u) * 16u + w_g0];
      acc0_0 += av0.x * x0_0.x;
      acc1_0 += av0.y * x0_0.x;
      acc2_0 += av0.z * x0_0.x;
      acc3_0 += av0.w * x0_0.x;
      acc0_1 += av0.x * x0_0.y;
      acc1_1 += av0.y * x0_0.y;
      acc2_1 += av0.z * x0_0.y;
      acc3_1 += av0.w * x0_0.y;
      acc0_2 += av0.x * x0_0.z;
      acc1_2 += av0.y * x0_0.z;
      acc2_2 += av0.z * x0_0.z;
      acc3_2 += av0.w * x0_0.z;
      acc0_3 += av0.x * x0_0.w;
      acc1_3 += av0.y * x0_0.w;
      acc2_3 += av0.z * x0_0.w;
      acc3_3 += av0.w * x0_0.w;
      acc0_4 += av0.x * x1_0.x;
      acc1_4 += av0.y * x1_0.x;
      acc2_4 += av0.z * x1_0.x;
      acc3_4 += av0.w * x1_0.x;
      acc0_5 += av0.x * x1_0.y;
      acc1_5 += av0.y * x1_0.y;
      acc2_5 += av0.z * x1_0.y;
      acc3_5 += av0.w * x1_0.y;
      acc0_6 += av0.x * x1_0.z;
      acc1_6 += av0.y * x1_0.z;
      acc2_6 += av0.z * x1_0.z;
      acc3_6 += av0.w * x1_0.z;
      acc0_7 += av0.x * x1_0.w;
      acc1_7 += av0.y * x1_0.w;
      acc2_7 += av0.z * x1_0.w;
      acc3_7 += av0.w * x1_0.w;
    }
    {
      let av0 = wt[(ci * 9u + 5u) * 16u + w_g0];
      acc0_0 += av0.x * x0_0.y;
      acc1_0 += av0.y * x0_0.y;
      acc2_0 += av0.z * x0_0.y;
      acc3_0 += av0.w * x0_0.y;
      acc0_2 += av0.x * x0_0.w;
      acc1_2 += av0.y * x0_0.w;
      acc2_2 += av0.z * x0_0.w;
      acc3_2 += av0.w * x0_0.w;
      acc0_4 += av0.x * x1_0.y;
      acc1_4 += av0.y * x1_0.y;
      acc2_4 += av0.z * x1_0.y;
      acc3_4 += av0.w * x1_0.y;
      acc0_6 += av0.x * x1_0.w;
      acc1_6 += av0.y * x1_0.w;
      acc2_6 += av0.z * x1_0.w;
      acc3_6 += av0.w * x1_0.w;
    }
    {
      let av0 = wt[(ci * 9u + 6u) * 16u + w_g0];
      acc0_1 += av0.x * x0_0.z;
      acc1_1 += av0.y * x0_0.z;
      acc2_1 += av0.z * x0_0.z;
      acc3_1 += av0.w * x0_0.z;
      acc0_5 += av0.x * x1_0.z;
      acc1_5 += av0.y * x1_0.z;
      acc2_5 += av0.z * x1_0.z;
      acc3_5 += av0.w * x1_0.z;
    }
    {
      let av0 = wt[(ci * 9u + 7u) * 16u + w_g0];
      acc0_0 += av0.x * x0_0.z;
      acc1_0 += av0.y * x0_0.z;
      acc2_0 += av0.z * x0_0.z;
      acc3_0 += av0.w * x0_0.z;
      acc0_1 += av0.x * x0_0.w;
      acc1_1 += av0.y * x0_0.w;
      acc2_1 += av0.z * x0_0.w;
      acc3_1 += av0.w * x0_0.w;
      acc0_4 += av0.x * x1_0.z;
      acc1_4 += av0.y * x1_0.z;
      acc2_4 += av0.z * x1_0.z;
      acc3_4 += av0.w * x1_0.z;
      acc0_5 += av0.x * x1_0.w;
      acc1_5 += av0.y * x1_0.w;
      acc2_5 += av0.z * x1_0.w;
      acc3_5 += av0.w * x1_0.w;
    }
    {
      let av0 = wt[(ci * 9u + 8u) * 16u + w_g0];
      acc0_0 += av0.x * x0_0.w;
      acc1_0 += av0.y * x0_0.w;
      acc2_0 += av0.z * x0_0.w;
      acc3_0 += av0.w * x0_0.w;
      acc0_4 += av0.x * x1_0.w;
      acc1_4 += av0.y * x1_0.w;
      acc2_4 += av0.z * x1_0.w;
      acc3_4 += av0.w * x1_0.w;
    }
  }
  let row0 = min(r_base, 63u);
  let row1 = min((r_base + 1u), 63u);
  let row2 = min((r_base + 2u), 63u);
  let row3 = min((r_base + 3u), 63u);
  let col0 = min(c_base, 7u);
  let img_c0 = col0 / 4u;
  let rem_c0 = col0 % 4u;
  let oy_c0 = i32((rem_c0 / 2u));
  let ox_c0 = i32((rem_c0 % 2u));
  let xb_c0 = img_c0 * 256u;
  let col1 = min((c_base + 1u), 7u);
  let img_c1 = col1 / 4u;
  let rem_c1 = col1 % 4u;
  let oy_c1 = i32((rem_c1 / 2u));
  let ox_c1 = i32((rem_c1 % 2u));
  let xb_c1 = img_c1 * 256u;
  let col2 = min((c_base + 2u), 7u);
  let img_c2 = col2 / 4u;
  let rem_c2 = col2 % 4u;
  let oy_c2 = i32((rem_c2 / 2u));
  let ox_c2 = i32((rem_c2 % 2u));
  let xb_c2 = img_c2 * 256u;
  let col3 = min((c_base + 3u), 7u);
  let img_c3 = col3 / 4u;
  let rem_c3 = col3 % 4u;
  let oy_c3 = i32((rem_c3 / 2u));
  let ox_c3 = i32((rem_c3 % 2u));
  let xb_c3 = img_c3 * 256u;
  let col4 = min((c_base + 4u), 7u);
  let img_c4 = col4 / 4u;
  let rem_c4 = col4 % 4u;
  let oy_c4 = i32((rem_c4 / 2u));
  let ox_c4 = i32((rem_c4 % 2u));
  let xb_c4 = img_c4 * 256u;
  let col5 = min((c_base + 5u), 7u);
  let img_c5 = col5 / 4u;
  let rem_c5 = col5 % 4u;
  let oy_c5 = i32((rem_c5 / 2u));
  let ox_c5 = i32((rem_c5 % 2u));
  let xb_c5 = img_c5 * 256u;
  let col6 = min((c_base + 6u), 7u);
  let img_c6 = col6 / 4u;
  let rem_c6 = col6 % 4u;
  let oy_c6 = i32((rem_c6 / 2u));
  let ox_c6 = i32((rem_c6 % 2u));
  let xb_c6 = img_c6 * 256u;
  let col7 = min((c_base + 7u), 7u);
  let img_c7 = col7 / 4u;
  let rem_c7 = col7 % 4u;
  let oy_c7 = i32((rem_c7 / 2u));
  let ox_c7 = i32((rem_c7 % 2u));
  let xb_c7 = img_c7 * 256u;
  if (r_base < 64u) {
    if (c_base < 8u) {
      var r = acc0_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row0) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row0) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc0_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row0) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row0) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc0_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row0) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row0) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc0_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row0) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row0) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc0_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row0) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row0) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc0_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row0) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row0) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc0_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row0) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row0) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc0_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row0) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row0) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 1u) < 64u) {
    if (c_base < 8u) {
      var r = acc1_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row1) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row1) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc1_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row1) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row1) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc1_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row1) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row1) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc1_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row1) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row1) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc1_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row1) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row1) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc1_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row1) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row1) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc1_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row1) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row1) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc1_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row1) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row1) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 2u) < 64u) {
    if (c_base < 8u) {
      var r = acc2_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row2) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row2) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc2_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row2) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row2) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc2_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row2) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row2) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc2_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row2) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row2) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc2_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row2) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row2) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc2_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row2) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row2) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc2_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row2) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row2) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc2_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row2) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row2) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 3u) < 64u) {
    if (c_base < 8u) {
      var r = acc3_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row3) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row3) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc3_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row3) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row3) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc3_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row3) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row3) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc3_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row3) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row3) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc3_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row3) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row3) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc3_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row3) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row3) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc3_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row3) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row3) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc3_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row3) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row3) * 4u) + rem_c7] = r;
    }
  }
}
