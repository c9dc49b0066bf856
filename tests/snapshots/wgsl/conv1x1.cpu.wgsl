// spec: {"c":32,"epilogue":[{"op":"bias"},{"op":"relu"}],"flip":false,"h":8,"k":1,"kind":"conv","n":2,"o":32,"packed":true,"pad":0,"tile":{"bk":4,"bm":8,"bn":64,"ks":1,"tm":8,"tn":8,"variant":"register"},"w":8}
// conv register 8x8 vec4: workgroup size 8x1x1, 8x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, wt:read:f32, ep0_bias:read:f32, y:read_write:f32
// conv 2x32x8x8 -> 32 k1 pad0 (register)
@group(0) @binding(0) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> wt: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> ep0_bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_n = wg.x % 2u;
  let tile_m = wg.x / 2u;
  let block_row = tile_m * 8u;
  let block_col = tile_n * 64u;
  let r_base = block_row + (lid.y * 8u);
  let c_base = block_col + (lid.x * 8u);
  let w_g0 = min(r_base / 4u + 0u, 7u);
  let w_g1 = min(r_base / 4u + 1u, 7u);
  let img_p0 = min(c_base + 0u, 124u) / 64u;
  let rem_p0 = min(c_base + 0u, 124u) % 64u;
  let oy_p0 = i32((rem_p0 / 8u));
  let ox_p0 = i32((rem_p0 % 8u));
  let xb_p0 = img_p0 * 2048u;
  let pix0 = i32(xb_p0) + oy_p0 * 8i + ox_p0;
  let img_p1 = min(c_base + 4u, 124u) / 64u;
  let rem_p1 = min(c_base + 4u, 124u) % 64u;
  let oy_p1 = i32((rem_p1 / 8u));
  let ox_p1 = i32((rem_p1 % 8u));
  let xb_p1 = img_p1 * 2048u;
  let pix1 = i32(xb_p1) + oy_p1 * 8i + ox_p1;
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f;
  var acc4_0 = 0.0f; var acc4_1 = 0.0f; var acc4_2 = 0.0f; var acc4_3 = 0.0f; var acc4_4 = 0.0f; var acc4_5 = 0.0f; var acc4_6 = 0.0f; var acc4_7 = 0.0f;
  var acc5_0 = 0.0f; var acc5_1 = 0.0f; var acc5_2 = 0.0f; var acc5_3 = 0.0f; var acc5_4 = 0.0f; var acc5_5 = 0.0f; var acc5_6 = 0.0f; var acc5_7 = 0.0f;
  var acc6_0 = 0.0f; var acc6_1 = 0.0f; var acc6_2 = 0.0f; var acc6_3 = 0.0f; var acc6_4 = 0.0f; var acc6_5 = 0.0f; var acc6_6 = 0.0f; var acc6_7 = 0.0f;
  var acc7_0 = 0.0f; var acc7_1 = 0.0f; var acc7_2 = 0.0f; var acc7_3 = 0.0f; var acc7_4 = 0.0f; var acc7_5 = 0.0f; var acc7_6 = 0.0f; var acc7_7 = 0.0f;
  {
    let w_k = 0u * 1u + 0u;
    let x_off0 = u32(pix0) / 4u;
    let x_off1 = u32(pix1) / 4u;
    for (var ci = 0u; ci < 32u; ci++) {
      let av0 = wt[(ci * 1u + w_k) * 8u + w_g0];
      let av1 = wt[(ci * 1u + w_k) * 8u + w_g1];
      let b0 = x[x_off0 + ci * 16u];
      let b1 = x[x_off1 + ci * 16u];
      acc0_0 += av0.x * b0.x;
      acc0_1 += av0.x * b0.y;
      acc0_2 += av0.x * b0.z;
      acc0_3 += av0.x * b0.w;
      acc0_4 += av0.x * b1.x;
      acc0_5 += av0.x * b1.y;
      acc0_6 += av0.x * b1.z;
      acc0_7 += av0.x * b1.w;
      acc1_0 += av0.y * b0.x;
      acc1_1 += av0.y * b0.y;
      acc1_2 += av0.y * b0.z;
      acc1_3 += av0.y * b0.w;
      acc1_4 += av0.y * b1.x;
      acc1_5 += av0.y * b1.y;
      acc1_6 += av0.y * b1.z;
      acc1_7 += av0.y * b1.w;
      acc2_0 += av0.z * b0.x;
      acc2_1 += av0.z * b0.y;
      acc2_2 += av0.z * b0.z;
      acc2_3 += av0.z * b0.w;
      acc2_4 += av0.z * b1.x;
      acc2_5 += av0.z * b1.y;
      acc2_6 += av0.z * b1.z;
      acc2_7 += av0.z * b1.w;
      acc3_0 += av0.w * b0.x;
      acc3_1 += av0.w * b0.y;
      acc3_2 += av0.w * b0.z;
      acc3_3 += av0.w * b0.w;
      acc3_4 += av0.w * b1.x;
      acc3_5 += av0.w * b1.y;
      acc3_6 += av0.w * b1.z;
      acc3_7 += av0.w * b1.w;
      acc4_0 += av1.x * b0.x;
      acc4_1 += av1.x * b0.y;
      acc4_2 += av1.x * b0.z;
      acc4_3 += av1.x * b0.w;
      acc4_4 += av1.x * b1.x;
      acc4_5 += av1.x * b1.y;
      acc4_6 += av1.x * b1.z;
      acc4_7 += av1.x * b1.w;
      acc5_0 += av1.y * b0.x;
      acc5_1 += av1.y * b0.y;
      acc5_2 += av1.y * b0.z;
      acc5_3 += av1.y * b0.w;
      acc5_4 += av1.y * b1.x;
      acc5_5 += av1.y * b1.y;
      acc5_6 += av1.y * b1.z;
      acc5_7 += av1.y * b1.w;
      acc6_0 += av1.z * b0.x;
      acc6_1 += av1.z * b0.y;
      acc6_2 += av1.z * b0.z;
      acc6_3 += av1.z * b0.w;
      acc6_4 += av1.z * b1.x;
      acc6_5 += av1.z * b1.y;
      acc6_6 += av1.z * b1.z;
      acc6_7 += av1.z * b1.w;
      acc7_0 += av1.w * b0.x;
      acc7_1 += av1.w * b0.y;
      acc7_2 += av1.w * b0.z;
      acc7_3 += av1.w * b0.w;
      acc7_4 += av1.w * b1.x;
      acc7_5 += av1.w * b1.y;
      acc7_6 += av1.w * b1.z;
      acc7_7 += av1.w * b1.w;
    }
  }
  let row0 = min(r_base, 31u);
  let row1 = min((r_base + 1u), 31u);
  let row2 = min((r_base + 2u), 31u);
  let row3 = min((r_base + 3u), 31u);
  let row4 = min((r_base + 4u), 31u);
  let row5 = min((r_base + 5u), 31u);
  let row6 = min((r_base + 6u), 31u);
  let row7 = min((r_base + 7u), 31u);
  let col0 = min(c_base, 127u);
  let img_c0 = col0 / 64u;
  let rem_c0 = col0 % 64u;
  let oy_c0 = i32((rem_c0 / 8u));
  let ox_c0 = i32((rem_c0 % 8u));
  let xb_c0 = img_c0 * 2048u;
  let col1 = min((c_base + 1u), 127u);
  let img_c1 = col1 / 64u;
  let rem_c1 = col1 % 64u;
  let oy_c1 = i32((rem_c1 / 8u));
  let ox_c1 = i32((rem_c1 % 8u));
  let xb_c1 = img_c1 * 2048u;
  let col2 = min((c_base + 2u), 127u);
  let img_c2 = col2 / 64u;
  let rem_c2 = col2 % 64u;
  let oy_c2 = i32((rem_c2 / 8u));
  let ox_c2 = i32((rem_c2 % 8u));
  let xb_c2 = img_c2 * 2048u;
  let col3 = min((c_base + 3u), 127u);
  let img_c3 = col3 / 64u;
  let rem_c3 = col3 % 64u;
  let oy_c3 = i32((rem_c3 / 8u));
  let ox_c3 = i32((rem_c3 % 8u));
  let xb_c3 = img_c3 * 2048u;
  let col4 = min((c_base + 4u), 127u);
  let img_c4 = col4 / 64u;
  let rem_c4 = col4 % 64u;
  let oy_c4 = i32((rem_c4 / 8u));
  let ox_c4 = i32((rem_c4 % 8u));
  let xb_c4 = img_c4 * 2048u;
  let col5 = min((c_base + 5u), 127u);
  let img_c5 = col5 / 64u;
  let rem_c5 = col5 % 64u;
  let oy_c5 = i32((rem_c5 / 8u));
  let ox_c5 = i32((rem_c5 % 8u));
  let xb_c5 = img_c5 * 2048u;
  let col6 = min((c_base + 6u), 127u);
  let img_c6 = col6 / 64u;
  let rem_c6 = col6 % 64u;
  let oy_c6 = i32((rem_c6 / 8u));
  let ox_c6 = i32((rem_c6 % 8u));
  let xb_c6 = img_c6 * 2048u;
  let col7 = min((c_base + 7u), 127u);
  let img_c7 = col7 / 64u;
  let rem_c7 = col7 % 64u;
  let oy_c7 = i32((rem_c7 / 8u));
  let ox_c7 = i32((rem_c7 % 8u));
  let xb_c7 = img_c7 * 2048u;
  if (r_base < 32u) {
    if (c_base < 128u) {
      var r = acc0_0;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row0) * 64u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 128u) {
      var r = acc0_1;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row0) * 64u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 128u) {
      var r = acc0_2;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row0) * 64u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 128u) {
      var r = acc0_3;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row0) * 64u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 128u) {
      var r = acc0_4;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 32u) + row0) * 64u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 128u) {
      var r = acc0_5;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 32u) + row0) * 64u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 128u) {
      var r = acc0_6;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 32u) + row0) * 64u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 128u) {
      var r = acc0_7;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 32u) + row0) * 64u) + rem_c7] = r;
    }
  }
  if ((r_base + 1u) < 32u) {
    if (c_base < 128u) {
      var r = acc1_0;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row1) * 64u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 128u) {
      var r = acc1_1;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row1) * 64u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 128u) {
      var r = acc1_2;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row1) * 64u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 128u) {
      var r = acc1_3;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row1) * 64u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 128u) {
      var r = acc1_4;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 32u) + row1) * 64u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 128u) {
      var r = acc1_5;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 32u) + row1) * 64u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 128u) {
      var r = acc1_6;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 32u) + row1) * 64u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 128u) {
      var r = acc1_7;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 32u) + row1) * 64u) + rem_c7] = r;
    }
  }
  if ((r_base + 2u) < 32u) {
    if (c_base < 128u) {
      var r = acc2_0;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row2) * 64u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 128u) {
      var r = acc2_1;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row2) * 64u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 128u) {
      var r = acc2_2;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row2) * 64u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 128u) {
      var r = acc2_3;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row2) * 64u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 128u) {
      var r = acc2_4;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 32u) + row2) * 64u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 128u) {
      var r = acc2_5;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 32u) + row2) * 64u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 128u) {
      var r = acc2_6;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 32u) + row2) * 64u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 128u) {
      var r = acc2_7;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 32u) + row2) * 64u) + rem_c7] = r;
    }
  }
  if ((r_base + 3u) < 32u) {
    if (c_base < 128u) {
      var r = acc3_0;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row3) * 64u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 128u) {
      var r = acc3_1;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row3) * 64u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 128u) {
      var r = acc3_2;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row3) * 64u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 128u) {
      var r = acc3_3;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row3) * 64u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 128u) {
      var r = acc3_4;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 32u) + row3) * 64u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 128u) {
      var r = acc3_5;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 32u) + row3) * 64u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 128u) {
      var r = acc3_6;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 32u) + row3) * 64u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 128u) {
      var r = acc3_7;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 32u) + row3) * 64u) + rem_c7] = r;
    }
  }
  if ((r_base + 4u) < 32u) {
    if (c_base < 128u) {
      var r = acc4_0;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row4) * 64u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 128u) {
      var r = acc4_1;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row4) * 64u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 128u) {
      var r = acc4_2;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row4) * 64u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 128u) {
      var r = acc4_3;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row4) * 64u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 128u) {
      var r = acc4_4;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 32u) + row4) * 64u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 128u) {
      var r = acc4_5;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 32u) + row4) * 64u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 128u) {
      var r = acc4_6;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 32u) + row4) * 64u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 128u) {
      var r = acc4_7;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 32u) + row4) * 64u) + rem_c7] = r;
    }
  }
  if ((r_base + 5u) < 32u) {
    if (c_base < 128u) {
      var r = acc5_0;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row5) * 64u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 128u) {
      var r = acc5_1;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row5) * 64u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 128u) {
      var r = acc5_2;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row5) * 64u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 128u) {
      var r = acc5_3;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row5) * 64u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 128u) {
      var r = acc5_4;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 32u) + row5) * 64u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 128u) {
      var r = acc5_5;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 32u) + row5) * 64u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 128u) {
      var r = acc5_6;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 32u) + row5) * 64u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 128u) {
      var r = acc5_7;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 32u) + row5) * 64u) + rem_c7] = r;
    }
  }
  if ((r_base + 6u) < 32u) {
    if (c_base < 128u) {
      var r = acc6_0;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row6) * 64u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 128u) {
      var r = acc6_1;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row6) * 64u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 128u) {
      var r = acc6_2;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row6) * 64u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 128u) {
      var r = acc6_3;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row6) * 64u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 128u) {
      var r = acc6_4;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 32u) + row6) * 64u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 128u) {
      var r = acc6_5;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 32u) + row6) * 64u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 128u) {
      var r = acc6_6;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 32u) + row6) * 64u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 128u) {
      var r = acc6_7;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 32u) + row6) * 64u) + rem_c7] = r;
    }
  }
  if ((r_base + 7u) < 32u) {
    if (c_base < 128u) {
      var r = acc7_0;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row7) * 64u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 128u) {
      var r = acc7_1;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row7) * 64u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 128u) {
      var r = acc7_2;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row7) * 64u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 128u) {
      var r = acc7_3;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row7) * 64u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 128u) {
      var r = acc7_4;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 32u) + row7) * 64u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 128u) {
      var r = acc7_5;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 32u) + row7) * 64u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 128u) {
      var r = acc7_6;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 32u) + row7) * 64u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 128u) {
      var r = acc7_7;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 32u) + row7) * 64u) + rem_c7] = r;
    }
  }
}
