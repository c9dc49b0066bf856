// spec: {"c":512,"epilogue":[{"op":"bias"},{"op":"relu"}],"flip":false,"h":14,"k":3,"kind":"conv","n":1,"o":512,"packed":true,"pad":1,"tile":{"bk":2,"bm":8,"bn":56,"ks":1,"tm":8,"tn":7,"variant":"direct"},"w":14}
// conv direct 8x7 vec4: workgroup size 8x1x1, 128x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, wt:read:f32, ep0_bias:read:f32, y:read_write:f32
// conv 1x512x14x14 -> 512 k3 pad1 (direct)
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> wt: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> ep0_bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_n = wg.x % 2u;
  let tile_m = wg.x / 2u;
  let seg_raw = tile_n * 8u + lid.x;
  let seg = min(seg_raw, 13u);
  let img = seg / 14u;
  let oy0 = (seg % 14u) / 2u * 2u;
  let ox0 = (seg % 2u) * 7u;
  let o_base = tile_m * 8u;
  let w_g0 = min(o_base / 4u + 0u, 127u);
  let w_g1 = min(o_base / 4u + 1u, 127u);
  let ix0 = i32(ox0) - 1i;
  let col_ok0 = u32(ix0) < 14u;
  let col_at0 = select(0i, ix0, col_ok0);
  let ix1 = i32(ox0);
  let col_ok1 = u32(ix1) < 14u;
  let col_at1 = select(0i, ix1, col_ok1);
  let ix2 = i32(ox0) + 1i;
  let col_ok2 = u32(ix2) < 14u;
  let col_at2 = select(0i, ix2, col_ok2);
  let ix3 = i32(ox0) + 2i;
  let col_ok3 = u32(ix3) < 14u;
  let col_at3 = select(0i, ix3, col_ok3);
  let ix4 = i32(ox0) + 3i;
  let col_ok4 = u32(ix4) < 14u;
  let col_at4 = select(0i, ix4, col_ok4);
  let ix5 = i32(ox0) + 4i;
  let col_ok5 = u32(ix5) < 14u;
  let col_at5 = select(0i, ix5, col_ok5);
  let ix6 = i32(ox0) + 5i;
  let col_ok6 = u32(ix6) < 14u;
  let col_at6 = select(0i, ix6, col_ok6);
  let ix7 = i32(ox0) + 6i;
  let col_ok7 = u32(ix7) < 14u;
  let col_at7 = select(0i, ix7, col_ok7);
  let ix8 = i32(ox0) + 7i;
  let col_ok8 = u32(ix8) < 14u;
  let col_at8 = select(0i, ix8, col_ok8);
  let x_img = i32(img * 100352u);
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f; var acc0_8 = 0.0f; var acc0_9 = 0.0f; var acc0_10 = 0.0f; var acc0_11 = 0.0f; var acc0_12 = 0.0f; var acc0_13 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f; var acc1_8 = 0.0f; var acc1_9 = 0.0f; var acc1_10 = 0.0f; var acc1_11 = 0.0f; var acc1_12 = 0.0f; var acc1_13 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f; var acc2_8 = 0.0f; var acc2_9 = 0.0f; var acc2_10 = 0.0f; var acc2_11 = 0.0f; var acc2_12 = 0.0f; var acc2_13 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f; var acc3_8 = 0.0f; var acc3_9 = 0.0f; var acc3_10 = 0.0f; var acc3_11 = 0.0f; var acc3_12 = 0.0f; var acc3_13 = 0.0f;
  var acc4_0 = 0.0f; var acc4_1 = 0.0f; var acc4_2 = 0.0f; var acc4_3 = 0.0f; var acc4_4 = 0.0f; var acc4_5 = 0.0f; var acc4_6 = 0.0f; var acc4_7 = 0.0f; var acc4_8 = 0.0f; var acc4_9 = 0.0f; var acc4_10 = 0.0f; var acc4_11 = 0.0f; var acc4_12 = 0.0f; var acc4_13 = 0.0f;
  var acc5_0 = 0.0f; var acc5_1 = 0.0f; var acc5_2 = 0.0f; var acc5_3 = 0.0f; var acc5_4 = 0.0f; var acc5_5 = 0.0f; var acc5_6 = 0.0f; var acc5_7 = 0.0f; var acc5_8 = 0.0f; var acc5_9 = 0.0f; var acc5_10 = 0.0f; var acc5_11 = 0.0f; var acc5_12 = 0.0f; var acc5_13 = 0.0f;
  var acc6_0 = 0.0f; var acc6_1 = 0.0f; var acc6_2 = 0.0f; var acc6_3 = 0.0f; var acc6_4 = 0.0f; var acc6_5 = 0.0f; var acc6_6 = 0.0f; var acc6_7 = 0.0f; var acc6_8 = 0.0f; var acc6_9 = 0.0f; var acc6_10 = 0.0f; var acc6_11 = 0.0f; var acc6_12 = 0.0f; var acc6_13 = 0.0f;
  var acc7_0 = 0.0f; var acc7_1 = 0.0f; var acc7_2 = 0.0f; var acc7_3 = 0.0f; var acc7_4 = 0.0f; var acc7_5 = 0.0f; var acc7_6 = 0.0f; var acc7_7 = 0.0f; var acc7_8 = 0.0f; var acc7_9 = 0.0f; var acc7_10 = 0.0f; var acc7_11 = 0.0f; var acc7_12 = 0.0f; var acc7_13 = 0.0f;
  for (var ci = 0u; ci < 512u; ci++) {
    let x_plane = x_img + i32(ci * 196u);
    let a0_0_v0 = wt[(ci * 9u + 0u) * 128u + w_g0];
    let a0_0_v1 = wt[(ci * 9u + 0u) * 128u + w_g1];
    let a0_1_v0 = wt[(ci * 9u + 1u) * 128u + w_g0];
    let a0_1_v1 = wt[(ci * 9u + 1u) * 128u + w_g1];
    let a0_2_v0 = wt[(ci * 9u + 2u) * 128u + w_g0];
    let a0_2_v1 = wt[(ci * 9u + 2u) * 128u + w_g1];
    let a1_0_v0 = wt[(ci * 9u + 3u) * 128u + w_g0];
    let a1_0_v1 = wt[(ci * 9u + 3u) * 128u + w_g1];
    let a1_1_v0 = wt[(ci * 9u + 4u) * 128u + w_g0];
    let a1_1_v1 = wt[(ci * 9u + 4u) * 128u + w_g1];
    let a1_2_v0 = wt[(ci * 9u + 5u) * 128u + w_g0];
    let a1_2_v1 = wt[(ci * 9u + 5u) * 128u + w_g1];
    let a2_0_v0 = wt[(ci * 9u + 6u) * 128u + w_g0];
    let a2_0_v1 = wt[(ci * 9u + 6u) * 128u + w_g1];
    let a2_1_v0 = wt[(ci * 9u + 7u) * 128u + w_g0];
    let a2_1_v1 = wt[(ci * 9u + 7u) * 128u + w_g1];
    let a2_2_v0 = wt[(ci * 9u + 8u) * 128u + w_g0];
    let a2_2_v1 = wt[(ci * 9u + 8u) * 128u + w_g1];
    {
      let iy = i32(oy0) - 1i;
      let row_ok = u32(iy) < 14u;
      let x_row = x_plane + select(0i, iy, row_ok) * 14i;
      let v0 = select(0.0f, x[u32(x_row + col_at0)], row_ok && col_ok0);
      let v1 = select(0.0f, x[u32(x_row + col_at1)], row_ok && col_ok1);
      let v2 = select(0.0f, x[u32(x_row + col_at2)], row_ok && col_ok2);
      let v3 = select(0.0f, x[u32(x_row + col_at3)], row_ok && col_ok3);
      let v4 = select(0.0f, x[u32(x_row + col_at4)], row_ok && col_ok4);
      let v5 = select(0.0f, x[u32(x_row + col_at5)], row_ok && col_ok5);
      let v6 = select(0.0f, x[u32(x_row + col_at6)], row_ok && col_ok6);
      let v7 = select(0.0f, x[u32(x_row + col_at7)], row_ok && col_ok7);
      let v8 = select(0.0f, x[u32(x_row + col_at8)], row_ok && col_ok8);
      acc0_0 += a0_0_v0.x * v0;
      acc0_1 += a0_0_v0.x * v1;
      acc0_2 += a0_0_v0.x * v2;
      acc0_3 += a0_0_v0.x * v3;
      acc0_4 += a0_0_v0.x * v4;
      acc0_5 += a0_0_v0.x * v5;
      acc0_6 += a0_0_v0.x * v6;
      acc1_0 += a0_0_v0.y * v0;
      acc1_1 += a0_0_v0.y * v1;
      acc1_2 += a0_0_v0.y * v2;
      acc1_3 += a0_0_v0.y * v3;
      acc1_4 += a0_0_v0.y * v4;
      acc1_5 += a0_0_v0.y * v5;
      acc1_6 += a0_0_v0.y * v6;
      acc2_0 += a0_0_v0.z * v0;
      acc2_1 += a0_0_v0.z * v1;
      acc2_2 += a0_0_v0.z * v2;
      acc2_3 += a0_0_v0.z * v3;
      acc2_4 += a0_0_v0.z * v4;
      acc2_5 += a0_0_v0.z * v5;
      acc2_6 += a0_0_v0.z * v6;
      acc3_0 += a0_0_v0.w * v0;
      acc3_1 += a0_0_v0.w * v1;
      acc3_2 += a0_0_v0.w * v2;
      acc3_3 += a0_0_v0.w * v3;
      acc3_4 += a0_0_v0.w * v4;
      acc3_5 += a0_0_v0.w * v5;
      acc3_6 += a0_0_v0.w * v6;
      acc4_0 += a0_0_v1.x * v0;
      acc4_1 += a0_0_v1.x * v1;
      acc4_2 += a0_0_v1.x * v2;
      acc4_3 += a0_0_v1.x * v3;
      acc4_4 += a0_0_v1.x * v4;
      acc4_5 += a0_0_v1.x * v5;
      acc4_6 += a0_0_v1.x * v6;
      acc5_0 += a0_0_v1.y * v0;
      acc5_1 += a0_0_v1.y * v1;
      acc5_2 += a0_0_v1.y * v2;
      acc5_3 += a0_0_v1.y * v3;
      acc5_4 += a0_0_v1.y * v4;
      acc5_5 += a0_0_v1.y * v5;
      acc5_6 += a0_0_v1.y * v6;
      acc6_0 += a0_0_v1.z * v0;
      acc6_1 += a0_0_v1.z * v1;
      acc6_2 += a0_0_v1.z * v2;
      acc6_3 += a0_0_v1.z * v3;
      acc6_4 += a0_0_v1.z * v4;
      acc6_5 += a0_0_v1.z * v5;
      acc6_6 += a0_0_v1.z * v6;
      acc7_0 += a0_0_v1.w * v0;
      acc7_1 += a0_0_v1.w * v1;
      acc7_2 += a0_0_v1.w * v2;
      acc7_3 += a0_0_v1.w * v3;
      acc7_4 += a0_0_v1.w * v4;
      acc7_5 += a0_0_v1.w * v5;
      acc7_6 += a0_0_v1.w * v6;
      acc0_0 += a0_1_v0.x * v1;
      acc0_1 += a0_1_v0.x * v2;
      acc0_2 += a0_1_v0.x * v3;
      acc0_3 += a0_1_v0.x * v4;
      acc0_4 += a0_1_v0.x * v5;
      acc0_5 += a0_1_v0.x * v6;
      acc0_6 += a0_1_v0.x * v7;
      acc1_0 += a0_1_v0.y * v1;
      acc1_1 += a0_1_v0.y * v2;
      acc1_2 += a0_1_v0.y * v3;
      acc1_3 += a0_1_v0.y * v4;
      acc1_4 += a0_1_v0.y * v5;
      acc1_5 += a0_1_v0.y * v6;
      acc1_6 += a0_1_v0.y * v7;
      acc2_0 += a0_1_v0.z * v1;
      acc2_1 += a0_1_v0.z * v2;
      acc2_2 += a0_1_v0.z * v3;
      acc2_3 += a0_1_v0.z * v4;
      acc2_4 += a0_1_v0.z * v5;
      acc2_5 += a0_1_v0.z * v6;
      acc2_6 += a0_1_v0.z * v7;
      acc3_0 += a0_1_v0.w * v1;
      acc3_1 += a0_1_v0.w * v2;
      acc3_2 += a0_1_v0.w * v3;
      acc3_3 += a0_1_v0.w * v4;
      acc3_4 += a0_1_v0.w * v5;
      acc3_5 += a0_1_v0.w * v6;
      acc3_6 += a0_1_v0.w * v7;
      acc4_0 += a0_1_v1.x * v1;
      acc4_1 += a0_1_v1.x * v2;
      acc4_2 += a0_1_v1.x * v3;
      acc4_3 += a0_1_v1.x * v4;
      acc4_4 += a0_1_v1.x * v5;
      acc4_5 += a0_1_v1.x * v6;
      acc4_6 += a0_1_v1.x * v7;
      acc5_0 += a0_1_v1.y * v1;
      acc5_1 += a0_1_v1.y * v2;
      acc5_2 += a0_1_v1.y * v3;
      acc5_3 += a0_1_v1.y * v4;
      acc5_4 += a0_1_v1.y * v5;
      acc5_5 += a0_1_v1.y * v6;
      acc5_6 += a0_1_v1.y * v7;
      acc6_0 += a0_1_v1.z * v1;
      acc6_1 += a0_1_v1.z * v2;
      acc6_2 += a0_1_v1.z * v3;
      acc6_3 += a0_1_v1.z * v4;
      acc6_4 += a0_1_v1.z * v5;
      acc6_5 += a0_1_v1.z * v6;
      acc6_6 += a0_1_v1.z * v7;
      acc7_0 += a0_1_v1.w * v1;
      acc7_1 += a0_1_v1.w * v2;
      acc7_2 += a0_1_v1.w * v3;
      acc7_3 += a0_1_v1.w * v4;
      acc7_4 += a0_1_v1.w * v5;
      acc7_5 += a0_1_v1.w * v6;
      acc7_6 += a0_1_v1.w * v7;
      acc0_0 += a0_2_v0.x * v2;
      acc0_1 += a0_2_v0.x * v3;
      acc0_2 += a0_2_v0.x * v4;
      acc0_3 += a0_2_v0.x * v5;
      acc0_4 += a0_2_v0.x * v6;
      acc0_5 += a0_2_v0.x * v7;
      acc0_6 += a0_2_v0.x * v8;
      acc1_0 += a0_2_v0.y * v2;
      acc1_1 += a0_2_v0.y * v3;
      acc1_2 += a0_2_v0.y * v4;
      acc1_3 += a0_2_v0.y * v5;
      acc1_4 += a0_2_v0.y * v6;
      acc1_5 += a0_2_v0.y * v7;
      acc1_6 += a0_2_v0.y * v8;
      acc2_0 += a0_2_v0.z * v2;
      acc2_1 += a0_2_v0.z * v3;
      acc2_2 += a0_2_v0.z * v4;
      acc2_3 += a0_2_v0.z * v5;
      acc2_4 += a0_2_v0.z * v6;
      acc2_5 += a0_2_v0.z * v7;
      acc2_6 += a0_2_v0.z * v8;
      acc3_0 += a0_2_v0.w * v2;
      acc3_1 += a0_2_v0.w * v3;
      acc3_2 += a0_2_v0.w * v4;
      acc3_3 += a0_2_v0.w * v5;
      acc3_4 += a0_2_v0.w * v6;
      acc3_5 += a0_2_v0.w * v7;
      acc3_6 += a0_2_v0.w * v8;
      acc4_0 += a0_2_v1.x * v2;
      acc4_1 += a0_2_v1.x * v3;
      acc4_2 += a0_2_v1.x * v4;
      acc4_3 += a0_2_v1.x * v5;
      acc4_4 += a0_2_v1.x * v6;
      acc4_5 += a0_2_v1.x * v7;
      acc4_6 += a0_2_v1.x * v8;
      acc5_0 += a0_2_v1.y * v2;
      acc5_1 += a0_2_v1.y * v3;
      acc5_2 += a0_2_v1.y * v4;
      acc5_3 += a0_2_v1.y * v5;
      acc5_4 += a0_2_v1.y * v6;
      acc5_5 += a0_2_v1.y * v7;
      acc5_6 += a0_2_v1.y * v8;
      acc6_0 += a0_2_v1.z * v2;
      acc6_1 += a0_2_v1.z * v3;
      acc6_2 += a0_2_v1.z * v4;
      acc6_3 += a0_2_v1.z * v5;
      acc6_4 += a0_2_v1.z * v6;
      acc6_5 += a0_2_v1.z * v7;
      acc6_6 += a0_2_v1.z * v8;
      acc7_0 += a0_2_v1.w * v2;
      acc7_1 += a0_2_v1.w * v3;
      acc7_2 += a0_2_v1.w * v4;
      acc7_3 += a0_2_v1.w * v5;
      acc7_4 += a0_2_v1.w * v6;
      acc7_5 += a0_2_v1.w * v7;
      acc7_6 += a0_2_v1.w * v8;
    }
    {
      let iy = i32(oy0);
      let row_ok = u32(iy) < 14u;
      let x_row = x_plane + select(0i, iy, row_ok) * 14i;
      let v0 = select(0.0f, x[u32(x_row + col_at0)], row_ok && col_ok0);
      let v1 = select(0.0f, x[u32(x_row + col_at1)], row_ok && col_ok1);
      let v2 = select(0.0f, x[u32(x_row + col_at2)], row_ok && col_ok2);
      let v3 = select(0.0f, x[u32(x_row + col_at3)], row_ok && col_ok3);
      let v4 = select(0.0f, x[u32(x_row + col_at4)], row_ok && col_ok4);
      let v5 = select(0.0f, x[u32(x_row + col_at5)], row_ok && col_ok5);
      let v6 = select(0.0f, x[u32(x_row + col_at6)], row_ok && col_ok6);
      let v7 = select(0.0f, x[u32(x_row + col_at7)], row_ok && col_ok7);
      let v8 = select(0.0f, x[u32(x_row + col_at8)], row_ok && col_ok8);
      acc0_0 += a1_0_v0.x * v0;
      acc0_1 += a1_0_v0.x * v1;
      acc0_2 += a1_0_v0.x * v2;
      acc0_3 += a1_0_v0.x * v3;
      acc0_4 += a1_0_v0.x * v4;
      acc0_5 += a1_0_v0.x * v5;
      acc0_6 += a1_0_v0.x * v6;
      acc1_0 += a1_0_v0.y * v0;
      acc1_1 += a1_0_v0.y * v1;
      acc1_2 += a1_0_v0.y * v2;
      acc1_3 += a1_0_v0.y * v3;
      acc1_4 += a1_0_v0.y * v4;
      acc1_5 += a1_0_v0.y * v5;
      acc1_6 += a1_0_v0.y * v6;
      acc2_0 += a1_0_v0.z * v0;
      acc2_1 += a1_0_v0.z * v1;
      acc2_2 += a1_0_v0.z * v2;
      acc2_3 += a1_0_v0.z * v3;
      acc2_4 += a1_0_v0.z * v4;
      acc2_5 += a1_0_v0.z * v5;
      acc2_6 += a1_0_v0.z * v6;
      acc3_0 += a1_0_v0.w * v0;
      acc3_1 += a1_0_v0.w * v1;
      acc3_2 += a1_0_v0.w * v2;
      acc3_3 += a1_0_v0.w * v3;
      acc3_4 += a1_0_v0.w * v4;
      acc3_5 += a1_0_v0.w * v5;
      acc3_6 += a1_0_v0.w * v6;
      acc4_0 += a1_0_v1.x * v0;
      acc4_1 += a1_0_v1.x * v1;
      acc4_2 += a1_0_v1.x * v2;
      acc4_3 += a1_0_v1.x * v3;
      acc4_4 += a1_0_v1.x * v4;
      acc4_5 += a1_0_v1.x * v5;
      acc4_6 += a1_0_v1.x * v6;
      acc5_0 += a1_0_v1.y * v0;
      acc5_1 += a1_0_v1.y * v1;
      acc5_2 += a1_0_v1.y * v2;
      acc5_3 += a1_0_v1.y * v3;
      acc5_4 += a1_0_v1.y * v4;
      acc5_5 += a1_0_v1.y * v5;
      acc5_6 += a1_0_v1.y * v6;
      acc6_0 += a1_0_v1.z * v0;
      acc6_1 += a1_0_v1.z * v1;
      acc6_2 += a1_0_v1.z * v2;
      acc6_3 += a1_0_v1.z * v3;
      acc6_4 += a1_0_v1.z * v4;
      acc6_5 += a1_0_v1.z * v5;
      acc6_6 += a1_0_v1.z * v6;
      acc7_0 += a1_0_v1.w * v0;
      acc7_1 += a1_0_v1.w * v1;
      acc7_2 += a1_0_v1.w * v2;
      acc7_3 += a1_0_v1.w * v3;
      acc7_4 += a1_0_v1.w * v4;
      acc7_5 += a1_0_v1.w * v5;
      acc7_6 += a1_0_v1.w * v6;
      acc0_7 += a0_0_v0.x * v0;
      acc0_8 += a0_0_v0.x * v1;
      acc0_9 += a0_0_v0.x * v2;
      acc0_10 += a0_0_v0.x * v3;
      acc0_11 += a0_0_v0.x * v4;
      acc0_12 += a0_0_v0.x * v5;
      acc0_13 += a0_0_v0.x * v6;
      acc1_7 += a0_0_v0.y * v0;
      acc1_8 += a0_0_v0.y * v1;
      acc1_9 += a0_0_v0.y * v2;
      acc1_10 += a0_0_v0.y * v3;
      acc1_11 += a0_0_v0.y * v4;
      acc1_12 += a0_0_v0.y * v5;
      acc1_13 += a0_0_v0.y * v6;
      acc2_7 += a0_0_v0.z * v0;
      acc2_8 += a0_0_v0.z * v1;
      acc2_9 += a0_0_v0.z * v2;
      acc2_10 += a0_0_v0.z * v3;
      acc2_11 += a0_0_v0.z * v4;
      acc2_12 += a0_0_v0.z * v5;
      acc2_13 += a0_0_v0.z * v6;
      acc3_7 += a0_0_v0.w * v0;
      acc3_8 += a0_0_v0.w * v1;
      acc3_9 += a0_0_v0.w * v2;
      acc3_10 += a0_0_v0.w * v3;
      acc3_11 += a0_0_v0.w * v4;
      acc3_12 += a0_0_v0.w * v5;
      acc3_13 += a0_0_v0.w * v6;
      acc4_7 += a0_0_v1.x * v0;
      acc4_8 += a0_0_v1.x * v1;
      acc4_9 += a0_0_v1.x * v2;
      acc4_10 += a0_0_v1.x * v3;
      acc4_11 += a0_0_v1.x * v4;
      acc4_12 += a0_0_v1.x * v5;
      acc4_13 += a0_0_v1.x * v6;
      acc5_7 += a0_0_v1.y * v0;
      acc5_8 += a0_0_v1.y * v1;
      acc5_9 += a0_0_v1.y * v2;
      acc5_10 += a0_0_v1.y * v3;
      acc5_11 += a0_0_v1.y * v4;
      acc5_12 += a0_0_v1.y * v5;
      acc5_13 += a0_0_v1.y * v6;
      acc6_7 += a0_0_v1.z * v0;
      acc6_8 += a0_0_v1.z * v1;
      acc6_9 += a0_0_v1.z * v2;
      acc6_10 += a0_0_v1.z * v3;
      acc6_11 += a0_0_v1.z * v4;
      acc6_12 += a0_0_v1.z * v5;
      acc6_13 += a0_0_v1.z * v6;
      acc7_7 += a0_0_v1.w * v0;
      acc7_8 += a0_0_v1.w * v1;
      acc7_9 += a0_0_v1.w * v2;
      acc7_10 += a0_0_v1.w * v3;
      acc7_11 += a0_0_v1.w * v4;
      acc7_12 += a0_0_v1.w * v5;
      acc7_13 += a0_0_v1.w * v6;
      acc0_0 += a1_1_v0.x * v1;
      acc0_1 += a1_1_v0.x * v2;
      acc0_2 += a1_1_v0.x * v3;
      acc0_3 += a1_1_v0.x * v4;
      acc0_4 += a1_1_v0.x * v5;
      acc0_5 += a1_1_v0.x * v6;
      acc0_6 += a1_1_v0.x * v7;
      acc1_0 += a1_1_v0.y * v1;
      acc1_1 += a1_1_v0.y * v2;
      acc1_2 += a1_1_v0.y * v3;
      acc1_3 += a1_1_v0.y * v4;
      acc1_4 += a1_1_v0.y * v5;
      acc1_5 += a1_1_v0.y * v6;
      acc1_6 += a1_1_v0.y * v7;
      acc2_0 += a1_1_v0.z * v1;
      acc2_1 += a1_1_v0.z * v2;
      acc2_2 += a1_1_v0.z * v3;
      acc2_3 += a1_1_v0.z * v4;
      acc2_4 += a1_1_v0.z * v5;
      acc2_5 += a1_1_v0.z * v6;
      acc2_6 += a1_1_v0.z * v7;
      acc3_0 += a1_1_v0.w * v1;
      acc3_1 += a1_1_v0.w * v2;
      acc3_2 += a1_1_v0.w * v3;
      acc3_3 += a1_1_v0.w * v4;
      acc3_4 += a1_1_v0.w * v5;
      acc3_5 += a1_1_v0.w * v6;
      acc3_6 += a1_1_v0.w * v7;
      acc4_0 += a1_1_v1.x * v1;
      acc4_1 += a1_1_v1.x * v2;
      acc4_2 += a1_1_v1.x * v3;
      acc4_3 += a1_1_v1.x * v4;
      acc4_4 += a1_1_v1.x * v5;
      acc4_5 += a1_1_v1.x * v6;
      acc4_6 += a1_1_v1.x * v7;
      acc5_0 += a1_1_v1.y * v1;
      acc5_1 += a1_1_v1.y * v2;
      acc5_2 += a1_1_v1.y * v3;
      acc5_3 += a1_1_v1.y * v4;
      acc5_4 += a1_1_v1.y * v5;
      acc5_5 += a1_1_v1.y * v6;
      acc5_6 += a1_1_v1.y * v7;
      acc6_0 += a1_1_v1.z * v1;
      acc6_1 += a1_1_v1.z * v2;
      acc6_2 += a1_1_v1.z * v3;
      acc6_3 += a1_1_v1.z * v4;
      acc6_4 += a1_1_v1.z * v5;
      acc6_5 += a1_1_v1.z * v6;
      acc6_6 += a1_1_v1.z * v7;
      acc7_0 += a1_1_v1.w * v1;
      acc7_1 += a1_1_v1.w * v2;
      acc7_2 += a1_1_v1.w * v3;
      acc7_3 += a1_1_v1.w * v4;
      acc7_4 += a1_1_v1.w * v5;
      acc7_5 += a1_1_v1.w * v6;
      acc7_6 += a1_1_v1.w * v7;
      acc0_7 += a0_1_v0.x * v1;
      acc0_8 += a0_1_v0.x * v2;
      acc0_9 += a0_1_v0.x * v3;
      acc0_10 += a0_1_v0.x * v4;
      acc0_11 += a0_1_v0.x * v5;
      acc0_12 += a0_1_v0.x * v6;
      acc0_13 += a0_1_v0.x * v7;
      acc1_7 += a0_1_v0.y * v1;
      acc1_8 += a0_1_v0.y * v2;
      acc1_9 += a0_1_v0.y * v3;
      acc1_10 += a0_1_v0.y * v4;
      acc1_11 += a0_1_v0.y * v5;
      acc1_12 += a0_1_v0.y * v6;
      acc1_13 += a0_1_v0.y * v7;
      acc2_7 += a0_1_v0.z * v1;
      acc2_8 += a0_1_v0.z * v2;
      acc2_9 += a0_1_v0.z * v3;
      acc2_10 += a0_1_v0.z * v4;
      acc2_11 += a0_1_v0.z * v5;
      acc2_12 += a0_1_v0.z * v6;
      acc2_13 += a0_1_v0.z * v7;
      acc3_7 += a0_1_v0.w * v1;
      acc3_8 += a0_1_v0.w * v2;
      acc3_9 += a0_1_v0.w * v3;
      acc3_10 += a0_1_v0.w * v4;
      acc3_11 += a0_1_v0.w * v5;
      acc3_12 += a0_1_v0.w * v6;
      acc3_13 += a0_1_v0.w * v7;
      acc4_7 += a0_1_v1.x * v1;
      acc4_8 += a0_1_v1.x * v2;
      acc4_9 += a0_1_v1.x * v3;
      acc4_10 += a0_1_v1.x * v4;
      acc4_11 += a0_1_v1.x * v5;
      acc4_12 += a0_1_v1.x * v6;
      acc4_13 += a0_1_v1.x * v7;
      acc5_7 += a0_1_v1.y * v1;
      acc5_8 += a0_1_v1.y * v2;
      acc5_9 += a0_1_v1.y * v3;
      acc5_10 += a0_1_v1.y * v4;
      acc5_11 += a0_1_v1.y * v5;
      acc5_12 += a0_1_v1.y * v6;
      acc5_13 += a0_1_v1.y * v7;
      acc6_7 += a0_1_v1.z * v1;
      acc6_8 += a0_1_v1.z * v2;
      acc6_9 += a0_1_v1.z * v3;
      acc6_10 += a0_1_v1.z * v4;
      acc6_11 += a0_1_v1.z * v5;
      acc6_12 += a0_1_v1.z * v6;
      acc6_13 += a0_1_v1.z * v7;
      acc7_7 += a0_1_v1.w * v1;
      acc7_8 += a0_1_v1.w * v2;
      acc7_9 += a0_1_v1.w * v3;
      acc7_10 += a0_1_v1.w * v4;
      acc7_11 += a0_1_v1.w * v5;
      acc7_12 += a0_1_v1.w * v6;
      acc7_13 += a0_1_v1.w * v7;
      acc0_0 += a1_2_v0.x * v2;
      acc0_1 += a1_2_v0.x * v3;
      acc0_2 += a1_2_v0.x * v4;
      acc0_3 += a1_2_v0.x * v5;
      acc0_4 += a1_2_v0.x * v6;
      acc0_5 += a1_2_v0.x * v7;
      acc0_6 += a1_2_v0.x * v8;
      acc1_0 += a1_2_v0.y * v2;
      acc1_1 += a1_2_v0.y * v3;
      acc1_2 += a1_2_v0.y * v4;
      acc1_3 += a1_2_v0.y * v5;
      acc1_4 += a1_2_v0.y * v6;
      acc1_5 += a1_2_v0.y * v7;
      acc1_6 += a1_2_v0.y * v8;
      acc2_0 += a1_2_v0.z * v2;
      acc2_1 += a1_2_v0.z * v3;
      acc2_2 += a1_2_v0.z * v4;
      acc2_3 += a1_2_v0.z * v5;
      acc2_4 += a1_2_v0.z * v6;
      acc2_5 += a1_2_v0.z * v7;
      acc2_6 += a1_2_v0.z * v8;
      acc3_0 += a1_2_v0.w * v2;
      acc3_1 += a1_2_v0.w * v3;
      acc3_2 += a1_2_v0.w * v4;
      acc3_3 += a1_2_v0.w * v5;
      acc3_4 += a1_2_v0.w * v6;
      acc3_5 += a1_2_v0.w * v7;
      acc3_6 += a1_2_v0.w * v8;
      acc4_0 += a1_2_v1.x * v2;
      acc4_1 += a1_2_v1.x * v3;
      acc4_2 += a1_2_v1.x * v4;
      acc4_3 += a1_2_v1.x * v5;
      acc4_4 += a1_2_v1.x * v6;
      acc4_5 += a1_2_v1.x * v7;
      acc4_6 += a1_2_v1.x * v8;
      acc5_0 += a1_2_v1.y * v2;
      acc5_1 += a1_2_v1.y * v3;
      acc5_2 += a1_2_v1.y * v4;
      acc5_3 += a1_2_v1.y * v5;
      acc5_4 += a1_2_v1.y * v6;
      acc5_5 += a1_2_v1.y * v7;
      acc5_6 += a1_2_v1.y * v8;
      acc6_0 += a1_2_v1.z * v2;
      acc6_1 += a1_2_v1.z * v3;
      acc6_2 += a1_2_v1.z * v4;
      acc6_3 += a1_2_v1.z * v5;
      acc6_4 += a1_2_v1.z * v6;
      acc6_5 += a1_2_v1.z * v7;
      acc6_6 += a1_2_v1.z * v8;
      acc7_0 += a1_2_v1.w * v2;
      acc7_1 += a1_2_v1.w * v3;
      acc7_2 += a1_2_v1.w * v4;
      acc7_3 += a1_2_v1.w * v5;
      acc7_4 += a1_2_v1.w * v6;
      acc7_5 += a1_2_v1.w * v7;
      acc7_6 += a1_2_v1.w * v8;
      acc0_7 += a0_2_v0.x * v2;
      acc0_8 += a0_2_v0.x * v3;
      acc0_9 += a0_2_v0.x * v4;
      acc0_10 += a0_2_v0.x * v5;
      acc0_11 += a0_2_v0.x * v6;
      acc0_12 += a0_2_v0.x * v7;
      acc0_13 += a0_2_v0.x * v8;
      acc1_7 += a0_2_v0.y * v2;
      acc1_8 += a0_2_v0.y * v3;
      acc1_9 += a0_2_v0.y * v4;
      acc1_10 += a0_2_v0.y * v5;
      acc1_11 += a0_2_v0.y * v6;
      acc1_12 += a0_2_v0.y * v7;
      acc1_13 += a0_2_v0.y * v8;
      acc2_7 += a0_2_v0.z * v2;
      acc2_8 += a0_2_v0.z * v3;
      acc2_9 += a0_2_v0.z * v4;
      acc2_10 += a0_2_v0.z * v5;
      acc2_11 += a0_2_v0.z * v6;
      acc2_12 += a0_2_v0.z * v7;
      acc2_13 += a0_2_v0.z * v8;
      acc3_7 += a0_2_v0.w * v2;
      acc3_8 += a0_2_v0.w * v3;
      acc3_9 += a0_2_v0.w * v4;
      acc3_10 += a0_2_v0.w * v5;
      acc3_11 += a0_2_v0.w * v6;
      acc3_12 += a0_2_v0.w * v7;
      acc3_13 += a0_2_v0.w * v8;
      acc4_7 += a0_2_v1.x * v2;
      acc4_8 += a0_2_v1.x * v3;
      acc4_9 += a0_2_v1.x * v4;
      acc4_10 += a0_2_v1.x * v5;
      acc4_11 += a0_2_v1.x * v6;
      acc4_12 += a0_2_v1.x * v7;
      acc4_13 += a0_2_v1.x * v8;
      acc5_7 += a0_2_v1.y * v2;
      acc5_8 += a0_2_v1.y * v3;
      acc5_9 += a0_2_v1.y * v4;
      acc5_10 += a0_2_v1.y * v5;
      acc5_11 += a0_2_v1.y * v6;
      acc5_12 += a0_2_v1.y * v7;
      acc5_13 += a0_2_v1.y * v8;
      acc6_7 += a0_2_v1.z * v2;
      acc6_8 += a0_2_v1.z * v3;
      acc6_9 += a0_2_v1.z * v4;
      acc6_10 += a0_2_v1.z * v5;
      acc6_11 += a0_2_v1.z * v6;
      acc6_12 += a0_2_v1.z * v7;
      acc6_13 += a0_2_v1.z * v8;
      acc7_7 += a0_2_v1.w * v2;
      acc7_8 += a0_2_v1.w * v3;
      acc7_9 += a0_2_v1.w * v4;
      acc7_10 += a0_2_v1.w * v5;
      acc7_11 += a0_2_v1.w * v6;
      acc7_12 += a0_2_v1.w * v7;
      acc7_13 += a0_2_v1.w * v8;
    }
    {
      let iy = i32(oy0) + 1i;
      let row_ok = u32(iy) < 14u;
      let x_row = x_plane + select(0i, iy, row_ok) * 14i;
      let v0 = select(0.0f, x[u32(x_row + col_at0)], row_ok && col_ok0);
      let v1 = select(0.0f, x[u32(x_row + col_at1)], row_ok && col_ok1);
      let v2 = select(0.0f, x[u32(x_row + col_at2)], row_ok && col_ok2);
      let v3 = select(0.0f, x[u32(x_row + col_at3)], row_ok && col_ok3);
      let v4 = select(0.0f, x[u32(x_row + col_at4)], row_ok && col_ok4);
      let v5 = select(0.0f, x[u32(x_row + col_at5)], row_ok && col_ok5);
      let v6 = select(0.0f, x[u32(x_row + col_at6)], row_ok && col_ok6);
      let v7 = select(0.0f, x[u32(x_row + col_at7)], row_ok && col_ok7);
      let v8 = select(0.0f, x[u32(x_row + col_at8)], row_ok && col_ok8);
      acc0_0 += a2_0_v0.x * v0;
      acc0_1 += a2_0_v0.x * v1;
      acc0_2 += a2_0_v0.x * v2;
      acc0_3 += a2_0_v0.x * v3;
      acc0_4 += a2_0_v0.x * v4;
      acc0_5 += a2_0_v0.x * v5;
      acc0_6 += a2_0_v0.x * v6;
      acc1_0 += a2_0_v0.y * v0;
      acc1_1 += a2_0_v0.y * v1;
      acc1_2 += a2_0_v0.y * v2;
      acc1_3 += a2_0_v0.y * v3;
      acc1_4 += a2_0_v0.y * v4;
      acc1_5 += a2_0_v0.y * v5;
      acc1_6 += a2_0_v0.y * v6;
      acc2_0 += a2_0_v0.z * v0;
      acc2_1 += a2_0_v0.z * v1;
      acc2_2 += a2_0_v0.z * v2;
      acc2_3 += a2_0_v0.z * v3;
      acc2_4 += a2_0_v0.z * v4;
      acc2_5 += a2_0_v0.z * v5;
      acc2_6 += a2_0_v0.z * v6;
      acc3_0 += a2_0_v0.w * v0;
      acc3_1 += a2_0_v0.w * v1;
      acc3_2 += a2_0_v0.w * v2;
      acc3_3 += a2_0_v0.w * v3;
      acc3_4 += a2_0_v0.w * v4;
      acc3_5 += a2_0_v0.w * v5;
      acc3_6 += a2_0_v0.w * v6;
      acc4_0 += a2_0_v1.x * v0;
      acc4_1 += a2_0_v1.x * v1;
      acc4_2 += a2_0_v1.x * v2;
      acc4_3 += a2_0_v1.x * v3;
      acc4_4 += a2_0_v1.x * v4;
      acc4_5 += a2_0_v1.x * v5;
      acc4_6 += a2_0_v1.x * v6;
      acc5_0 += a2_0_v1.y * v0;
      acc5_1 += a2_0_v1.y * v1;
      acc5_2 += a2_0_v1.y * v2;
      acc5_3 += a2_0_v1.y * v3;
      acc5_4 += a2_0_v1.y * v4;
      acc5_5 += a2_0_v1.y * v5;
      acc5_6 += a2_0_v1.y * v6;
      acc6_0 += a2_0_v1.z * v0;
      acc6_1 += a2_0_v1.z * v1;
      acc6_2 += a2_0_v1.z * v2;
      acc6_3 += a2_0_v1.z * v3;
      acc6_4 += a2_0_v1.z * v4;
      acc6_5 += a2_0_v1.z * v5;
      acc6_6 += a2_0_v1.z * v6;
      acc7_0 += a2_0_v1.w * v0;
      acc7_1 += a2_0_v1.w * v1;
      acc7_2 += a2_0_v1.w * v2;
      acc7_3 += a2_0_v1.w * v3;
      acc7_4 += a2_0_v1.w * v4;
      acc7_5 += a2_0_v1.w * v5;
      acc7_6 += a2_0_v1.w * v6;
      acc0_7 += a1_0_v0.x * v0;
      acc0_8 += a1_0_v0.x * v1;
      acc0_9 += a1_0_v0.x * v2;
      acc0_10 += a1_0_v0.x * v3;
      acc0_11 += a1_0_v0.x * v4;
      acc0_12 += a1_0_v0.x * v5;
      acc0_13 += a1_0_v0.x * v6;
      acc1_7 += a1_0_v0.y * v0;
      acc1_8 += a1_0_v0.y * v1;
      acc1_9 += a1_0_v0.y * v2;
      acc1_10 += a1_0_v0.y * v3;
      acc1_11 += a1_0_v0.y * v4;
      acc1_12 += a1_0_v0.y * v5;
      acc1_13 += a1_0_v0.y * v6;
      acc2_7 += a1_0_v0.z * v0;
      acc2_8 += a1_0_v0.z * v1;
      acc2_9 += a1_0_v0.z * v2;
      acc2_10 += a1_0_v0.z * v3;
      acc2_11 += a1_0_v0.z * v4;
      acc2_12 += a1_0_v0.z * v5;
      acc2_13 += a1_0_v0.z * v6;
      acc3_7 += a1_0_v0.w * v0;
      acc3_8 += a1_0_v0.w * v1;
      acc3_9 += a1_0_v0.w * v2;
      acc3_10 += a1_0_v0.w * v3;
      acc3_11 += a1_0_v0.w * v4;
      acc3_12 += a1_0_v0.w * v5;
      acc3_13 += a1_0_v0.w * v6;
      acc4_7 += a1_0_v1.x * v0;
      acc4_8 += a1_0_v1.x * v1;
      acc4_9 += a1_0_v1.x * v2;
      acc4_10 += a1_0_v1.x * v3;
      acc4_11 += a1_0_v1.x * v4;
      acc4_12 += a1_0_v1.x * v5;
      acc4_13 += a1_0_v1.x * v6;
      acc5_7 += a1_0_v1.y * v0;
      acc5_8 += a1_0_v1.y * v1;
      acc5_9 += a1_0_v1.y * v2;
      acc5_10 += a1_0_v1.y * v3;
      acc5_11 += a1_0_v1.y * v4;
      acc5_12 += a1_0_v1.y * v5;
      acc5_13 += a1_0_v1.y * v6;
      acc6_7 += a1_0_v1.z * v0;
      acc6_8 += a1_0_v1.z * v1;
      acc6_9 += a1_0_v1.z * v2;
      acc6_10 += a1_0_v1.z * v3;
      acc6_11 += a1_0_v1.z * v4;
      acc6_12 += a1_0_v1.z * v5;
      acc6_13 += a1_0_v1.z * v6;
      acc7_7 += a1_0_v1.w * v0;
      acc7_8 += a1_0_v1.w * v1;
      acc7_9 += a1_0_v1.w * v2;
      acc7_10 += a1_0_v1.w * v3;
      acc7_11 += a1_0_v1.w * v4;
      acc7_12 += a1_0_v1.w * v5;
      acc7_13 += a1_0_v1.w * v6;
      acc0_0 += a2_1_v0.x * v1;
      acc0_1 += a2_1_v0.x * v2;
      acc0_2 += a2_1_v0.x * v3;
      acc0_3 += a2_1_v0.x * v4;
      acc0_4 += a2_1_v0.x * v5;
      acc0_5 += a2_1_v0.x * v6;
      acc0_6 += a2_1_v0.x * v7;
      acc1_0 += a2_1_v0.y * v1;
      acc1_1 += a2_1_v0.y * v2;
      acc1_2 += a2_1_v0.y * v3;
      acc1_3 += a2_1_v0.y * v4;
      acc1_4 += a2_1_v0.y * v5;
      acc1_5 += a2_1_v0.y * v6;
      acc1_6 += a2_1_v0.y * v7;
      acc2_0 += a2_1_v0.z * v1;
      acc2_1 += a2_1_v0.z * v2;
      acc2_2 += a2_1_v0.z * v3;
      acc2_3 += a2_1_v0.z * v4;
      acc2_4 += a2_1_v0.z * v5;
      acc2_5 += a2_1_v0.z * v6;
      acc2_6 += a2_1_v0.z * v7;
      acc3_0 += a2_1_v0.w * v1;
      acc3_1 += a2_1_v0.w * v2;
      acc3_2 += a2_1_v0.w * v3;
      acc3_3 += a2_1_v0.w * v4;
      acc3_4 += a2_1_v0.w * v5;
      acc3_5 += a2_1_v0.w * v6;
      acc3_6 += a2_1_v0.w * v7;
      acc4_0 += a2_1_v1.x * v1;
      acc4_1 += a2_1_v1.x * v2;
      acc4_2 += a2_1_v1.x * v3;
      acc4_3 += a2_1_v1.x * v4;
      acc4_4 += a2_1_v1.x * v5;
      acc4_5 += a2_1_v1.x * v6;
      acc4_6 += a2_1_v1.x * v7;
      acc5_0 += a2_1_v1.y * v1;
      acc5_1 += a2_1_v1.y * v2;
      acc5_2 += a2_1_v1.y * v3;
      acc5_3 += a2_1_v1.y * v4;
      acc5_4 += a2_1_v1.y * v5;
      acc5_5 += a2_1_v1.y * v6;
      acc5_6 += a2_1_v1.y * v7;
      acc6_0 += a2_1_v1.z * v1;
      acc6_1 += a2_1_v1.z * v2;
      acc6_2 += a2_1_v1.z * v3;
      acc6_3 += a2_1_v1.z * v4;
      acc6_4 += a2_1_v1.z * v5;
      acc6_5 += a2_1_v1.z * v6;
      acc6_6 += a2_1_v1.z * v7;
      acc7_0 += a2_1_v1.w * v1;
      acc7_1 += a2_1_v1.w * v2;
      acc7_2 += a2_1_v1.w * v3;
      acc7_3 += a2_1_v1.w * v4;
      acc7_4 += a2_1_v1.w * v5;
      acc7_5 += a2_1_v1.w * v6;
      acc7_6 += a2_1_v1.w * v7;
      acc0_7 += a1_1_v0.x * v1;
      acc0_8 += a1_1_v0.x * v2;
      acc0_9 += a1_1_v0.x * v3;
      acc0_10 += a1_1_v0.x * v4;
      acc0_11 += a1_1_v0.x * v5;
      acc0_12 += a1_1_v0.x * v6;
      acc0_13 += a1_1_v0.x * v7;
      acc1_7 += a1_1_v0.y * v1;
      acc1_8 += a1_1_v0.y * v2;
      acc1_9 += a1_1_v0.y * v3;
      acc1_10 += a1_1_v0.y * v4;
      acc1_11 += a1_1_v0.y * v5;
      acc1_12 += a1_1_v0.y * v6;
      acc1_13 += a1_1_v0.y * v7;
      acc2_7 += a1_1_v0.z * v1;
      acc2_8 += a1_1_v0.z * v2;
      acc2_9 += a1_1_v0.z * v3;
      acc2_10 += a1_1_v0.z * v4;
      acc2_11 += a1_1_v0.z * v5;
      acc2_12 += a1_1_v0.z * v6;
      acc2_13 += a1_1_v0.z * v7;
      acc3_7 += a1_1_v0.w * v1;
      acc3_8 += a1_1_v0.w * v2;
      acc3_9 += a1_1_v0.w * v3;
      acc3_10 += a1_1_v0.w * v4;
      acc3_11 += a1_1_v0.w * v5;
      acc3_12 += a1_1_v0.w * v6;
      acc3_13 += a1_1_v0.w * v7;
      acc4_7 += a1_1_v1.x * v1;
      acc4_8 += a1_1_v1.x * v2;
      acc4_9 += a1_1_v1.x * v3;
      acc4_10 += a1_1_v1.x * v4;
      acc4_11 += a1_1_v1.x * v5;
      acc4_12 += a1_1_v1.x * v6;
      acc4_13 += a1_1_v1.x * v7;
      acc5_7 += a1_1_v1.y * v1;
      acc5_8 += a1_1_v1.y * v2;
      acc5_9 += a1_1_v1.y * v3;
      acc5_10 += a1_1_v1.y * v4;
      acc5_11 += a1_1_v1.y * v5;
      acc5_12 += a1_1_v1.y * v6;
      acc5_13 += a1_1_v1.y * v7;
      acc6_7 += a1_1_v1.z * v1;
      acc6_8 += a1_1_v1.z * v2;
      acc6_9 += a1_1_v1.z * v3;
      acc6_10 += a1_1_v1.z * v4;
      acc6_11 += a1_1_v1.z * v5;
      acc6_12 += a1_1_v1.z * v6;
      acc6_13 += a1_1_v1.z * v7;
      acc7_7 += a1_1_v1.w * v1;
      acc7_8 += a1_1_v1.w * v2;
      acc7_9 += a1_1_v1.w * v3;
      acc7_10 += a1_1_v1.w * v4;
      acc7_11 += a1_1_v1.w * v5;
      acc7_12 += a1_1_v1.w * v6;
      acc7_13 += a1_1_v1.w * v7;
      acc0_0 += a2_2_v0.x * v2;
      acc0_1 += a2_2_v0.x * v3;
      acc0_2 += a2_2_v0.x * v4;
      acc0_3 += a2_2_v0.x * v5;
      acc0_4 += a2_2_v0.x * v6;
      acc0_5 += a2_2_v0.x * v7;
      acc0_6 += a2_2_v0.x * v8;
      acc1_0 += a2_2_v0.y * v2;
      acc1_1 += a2_2_v0.y * v3;
      acc1_2 += a2_2_v0.y * v4;
      acc1_3 += a2_2_v0.y * v5;
      acc1_4 += a2_2_v0.y * v6;
      acc1_5 += a2_2_v0.y * v7;
      acc1_6 += a2_2_v0.y * v8;
      acc2_0 += a2_2_v0.z * v2;
      acc2_1 += a2_2_v0.z * v3;
      acc2_2 += a2_2_v0.z * v4;
      acc2_3 += a2_2_v0.z * v5;
      acc2_4 += a2_2_v0.z * v6;
      acc2_5 += a2_2_v0.z * v7;
      acc2_6 += a2_2_v0.z * v8;
      acc3_0 += a2_2_v0.w * v2;
      acc3_1 += a2_2_v0.w * v3;
      acc3_2 += a2_2_v0.w * v4;
      acc3_3 += a2_2_v0.w * v5;
      acc3_4 += a2_2_v0.w * v6;
      acc3_5 += a2_2_v0.w * v7;
      acc3_6 += a2_2_v0.w * v8;
      acc4_0 += a2_2_v1.x * v2;
      acc4_1 += a2_2_v1.x * v3;
      acc4_2 += a2_2_v1.x * v4;
      acc4_3 += a2_2_v1.x * v5;
      acc4_4 += a2_2_v1.x * v6;
      acc4_5 += a2_2_v1.x * v7;
      acc4_6 += a2_2_v1.x * v8;
      acc5_0 += a2_2_v1.y * v2;
      acc5_1 += a2_2_v1.y * v3;
      acc5_2 += a2_2_v1.y * v4;
      acc5_3 += a2_2_v1.y * v5;
      acc5_4 += a2_2_v1.y * v6;
      acc5_5 += a2_2_v1.y * v7;
      acc5_6 += a2_2_v1.y * v8;
      acc6_0 += a2_2_v1.z * v2;
      acc6_1 += a2_2_v1.z * v3;
      acc6_2 += a2_2_v1.z * v4;
      acc6_3 += a2_2_v1.z * v5;
      acc6_4 += a2_2_v1.z * v6;
      acc6_5 += a2_2_v1.z * v7;
      acc6_6 += a2_2_v1.z * v8;
      acc7_0 += a2_2_v1.w * v2;
      acc7_1 += a2_2_v1.w * v3;
      acc7_2 += a2_2_v1.w * v4;
      acc7_3 += a2_2_v1.w * v5;
      acc7_4 += a2_2_v1.w * v6;
      acc7_5 += a2_2_v1.w * v7;
      acc7_6 += a2_2_v1.w * v8;
      acc0_7 += a1_2_v0.x * v2;
      acc0_8 += a1_2_v0.x * v3;
      acc0_9 += a1_2_v0.x * v4;
      acc0_10 += a1_2_v0.x * v5;
      acc0_11 += a1_2_v0.x * v6;
      acc0_12 += a1_2_v0.x * v7;
      acc0_13 += a1_2_v0.x * v8;
      acc1_7 += a1_2_v0.y * v2;
      acc1_8 += a1_2_v0.y * v3;
      acc1_9 += a1_2_v0.y * v4;
      acc1_10 += a1_2_v0.y * v5;
      acc1_11 += a1_2_v0.y * v6;
      acc1_12 += a1_2_v0.y * v7;
      acc1_13 += a1_2_v0.y * v8;
      acc2_7 += a1_2_v0.z * v2;
      acc2_8 += a1_2_v0.z * v3;
      acc2_9 += a1_2_v0.z * v4;
      acc2_10 += a1_2_v0.z * v5;
      acc2_11 += a1_2_v0.z * v6;
      acc2_12 += a1_2_v0.z * v7;
      acc2_13 += a1_2_v0.z * v8;
      acc3_7 += a1_2_v0.w * v2;
      acc3_8 += a1_2_v0.w * v3;
      acc3_9 += a1_2_v0.w * v4;
      acc3_10 += a1_2_v0.w * v5;
      acc3_11 += a1_2_v0.w * v6;
      acc3_12 += a1_2_v0.w * v7;
      acc3_13 += a1_2_v0.w * v8;
      acc4_7 += a1_2_v1.x * v2;
      acc4_8 += a1_2_v1.x * v3;
      acc4_9 += a1_2_v1.x * v4;
      acc4_10 += a1_2_v1.x * v5;
      acc4_11 += a1_2_v1.x * v6;
      acc4_12 += a1_2_v1.x * v7;
      acc4_13 += a1_2_v1.x * v8;
      acc5_7 += a1_2_v1.y * v2;
      acc5_8 += a1_2_v1.y * v3;
      acc5_9 += a1_2_v1.y * v4;
      acc5_10 += a1_2_v1.y * v5;
      acc5_11 += a1_2_v1.y * v6;
      acc5_12 += a1_2_v1.y * v7;
      acc5_13 += a1_2_v1.y * v8;
      acc6_7 += a1_2_v1.z * v2;
      acc6_8 += a1_2_v1.z * v3;
      acc6_9 += a1_2_v1.z * v4;
      acc6_10 += a1_2_v1.z * v5;
      acc6_11 += a1_2_v1.z * v6;
      acc6_12 += a1_2_v1.z * v7;
      acc6_13 += a1_2_v1.z * v8;
      acc7_7 += a1_2_v1.w * v2;
      acc7_8 += a1_2_v1.w * v3;
      acc7_9 += a1_2_v1.w * v4;
      acc7_10 += a1_2_v1.w * v5;
      acc7_11 += a1_2_v1.w * v6;
      acc7_12 += a1_2_v1.w * v7;
      acc7_13 += a1_2_v1.w * v8;
    }
    {
      let iy = i32(oy0) + 2i;
      let row_ok = u32(iy) < 14u;
      let x_row = x_plane + select(0i, iy, row_ok) * 14i;
      let v0 = select(0.0f, x[u32(x_row + col_at0)], row_ok && col_ok0);
      let v1 = select(0.0f, x[u32(x_row + col_at1)], row_ok && col_ok1);
      let v2 = select(0.0f, x[u32(x_row + col_at2)], row_ok && col_ok2);
      let v3 = select(0.0f, x[u32(x_row + col_at3)], row_ok && col_ok3);
      let v4 = select(0.0f, x[u32(x_row + col_at4)], row_ok && col_ok4);
      let v5 = select(0.0f, x[u32(x_row + col_at5)], row_ok && col_ok5);
      let v6 = select(0.0f, x[u32(x_row + col_at6)], row_ok && col_ok6);
      let v7 = select(0.0f, x[u32(x_row + col_at7)], row_ok && col_ok7);
      let v8 = select(0.0f, x[u32(x_row + col_at8)], row_ok && col_ok8);
      acc0_7 += a2_0_v0.x * v0;
      acc0_8 += a2_0_v0.x * v1;
      acc0_9 += a2_0_v0.x * v2;
      acc0_10 += a2_0_v0.x * v3;
      acc0_11 += a2_0_v0.x * v4;
      acc0_12 += a2_0_v0.x * v5;
      acc0_13 += a2_0_v0.x * v6;
      acc1_7 += a2_0_v0.y * v0;
      acc1_8 += a2_0_v0.y * v1;
      acc1_9 += a2_0_v0.y * v2;
      acc1_10 += a2_0_v0.y * v3;
      acc1_11 += a2_0_v0.y * v4;
      acc1_12 += a2_0_v0.y * v5;
      acc1_13 += a2_0_v0.y * v6;
      acc2_7 += a2_0_v0.z * v0;
      acc2_8 += a2_0_v0.z * v1;
      acc2_9 += a2_0_v0.z * v2;
      acc2_10 += a2_0_v0.z * v3;
      acc2_11 += a2_0_v0.z * v4;
      acc2_12 += a2_0_v0.z * v5;
      acc2_13 += a2_0_v0.z * v6;
      acc3_7 += a2_0_v0.w * v0;
      acc3_8 += a2_0_v0.w * v1;
      acc3_9 += a2_0_v0.w * v2;
      acc3_10 += a2_0_v0.w * v3;
      acc3_11 += a2_0_v0.w * v4;
      acc3_12 += a2_0_v0.w * v5;
      acc3_13 += a2_0_v0.w * v6;
      acc4_7 += a2_0_v1.x * v0;
      acc4_8 += a2_0_v1.x * v1;
      acc4_9 += a2_0_v1.x * v2;
      acc4_10 += a2_0_v1.x * v3;
      acc4_11 += a2_0_v1.x * v4;
      acc4_12 += a2_0_v1.x * v5;
      acc4_13 += a2_0_v1.x * v6;
      acc5_7 += a2_0_v1.y * v0;
      acc5_8 += a2_0_v1.y * v1;
      acc5_9 += a2_0_v1.y * v2;
      acc5_10 += a2_0_v1.y * v3;
      acc5_11 += a2_0_v1.y * v4;
      acc5_12 += a2_0_v1.y * v5;
      acc5_13 += a2_0_v1.y * v6;
      acc6_7 += a2_0_v1.z * v0;
      acc6_8 += a2_0_v1.z * v1;
      acc6_9 += a2_0_v1.z * v2;
      acc6_10 += a2_0_v1.z * v3;
      acc6_11 += a2_0_v1.z * v4;
      acc6_12 += a2_0_v1.z * v5;
      acc6_13 += a2_0_v1.z * v6;
      acc7_7 += a2_0_v1.w * v0;
      acc7_8 += a2_0_v1.w * v1;
      acc7_9 += a2_0_v1.w * v2;
      acc7_10 += a2_0_v1.w * v3;
      acc7_11 += a2_0_v1.w * v4;
      acc7_12 += a2_0_v1.w * v5;
      acc7_13 += a2_0_v1.w * v6;
      acc0_7 += a2_1_v0.x * v1;
      acc0_8 += a2_1_v0.x * v2;
      acc0_9 += a2_1_v0.x * v3;
      acc0_10 += a2_1_v0.x * v4;
      acc0_11 += a2_1_v0.x * v5;
      acc0_12 += a2_1_v0.x * v6;
      acc0_13 += a2_1_v0.x * v7;
      acc1_7 += a2_1_v0.y * v1;
      acc1_8 += a2_1_v0.y * v2;
      acc1_9 += a2_1_v0.y * v3;
      acc1_10 += a2_1_v0.y * v4;
      acc1_11 += a2_1_v0.y * v5;
      acc1_12 += a2_1_v0.y * v6;
      acc1_13 += a2_1_v0.y * v7;
      acc2_7 += a2_1_v0.z * v1;
      acc2_8 += a2_1_v0.z * v2;
      acc2_9 += a2_1_v0.z * v3;
      acc2_10 += a2_1_v0.z * v4;
      acc2_11 += a2_1_v0.z * v5;
      acc2_12 += a2_1_v0.z * v6;
      acc2_13 += a2_1_v0.z * v7;
      acc3_7 += a2_1_v0.w * v1;
      acc3_8 += a2_1_v0.w * v2;
      acc3_9 += a2_1_v0.w * v3;
      acc3_10 += a2_1_v0.w * v4;
      acc3_11 += a2_1_v0.w * v5;
      acc3_12 += a2_1_v0.w * v6;
      acc3_13 += a2_1_v0.w * v7;
      acc4_7 += a2_1_v1.x * v1;
      acc4_8 += a2_1_v1.x * v2;
      acc4_9 += a2_1_v1.x * v3;
      acc4_10 += a2_1_v1.x * v4;
      acc4_11 += a2_1_v1.x * v5;
      acc4_12 += a2_1_v1.x * v6;
      acc4_13 += a2_1_v1.x * v7;
      acc5_7 += a2_1_v1.y * v1;
      acc5_8 += a2_1_v1.y * v2;
      acc5_9 += a2_1_v1.y * v3;
      acc5_10 += a2_1_v1.y * v4;
      acc5_11 += a2_1_v1.y * v5;
      acc5_12 += a2_1_v1.y * v6;
      acc5_13 += a2_1_v1.y * v7;
      acc6_7 += a2_1_v1.z * v1;
      acc6_8 += a2_1_v1.z * v2;
      acc6_9 += a2_1_v1.z * v3;
      acc6_10 += a2_1_v1.z * v4;
      acc6_11 += a2_1_v1.z * v5;
      acc6_12 += a2_1_v1.z * v6;
      acc6_13 += a2_1_v1.z * v7;
      acc7_7 += a2_1_v1.w * v1;
      acc7_8 += a2_1_v1.w * v2;
      acc7_9 += a2_1_v1.w * v3;
      acc7_10 += a2_1_v1.w * v4;
      acc7_11 += a2_1_v1.w * v5;
      acc7_12 += a2_1_v1.w * v6;
      acc7_13 += a2_1_v1.w * v7;
      acc0_7 += a2_2_v0.x * v2;
      acc0_8 += a2_2_v0.x * v3;
      acc0_9 += a2_2_v0.x * v4;
      acc0_10 += a2_2_v0.x * v5;
      acc0_11 += a2_2_v0.x * v6;
      acc0_12 += a2_2_v0.x * v7;
      acc0_13 += a2_2_v0.x * v8;
      acc1_7 += a2_2_v0.y * v2;
      acc1_8 += a2_2_v0.y * v3;
      acc1_9 += a2_2_v0.y * v4;
      acc1_10 += a2_2_v0.y * v5;
      acc1_11 += a2_2_v0.y * v6;
      acc1_12 += a2_2_v0.y * v7;
      acc1_13 += a2_2_v0.y * v8;
      acc2_7 += a2_2_v0.z * v2;
      acc2_8 += a2_2_v0.z * v3;
      acc2_9 += a2_2_v0.z * v4;
      acc2_10 += a2_2_v0.z * v5;
      acc2_11 += a2_2_v0.z * v6;
      acc2_12 += a2_2_v0.z * v7;
      acc2_13 += a2_2_v0.z * v8;
      acc3_7 += a2_2_v0.w * v2;
      acc3_8 += a2_2_v0.w * v3;
      acc3_9 += a2_2_v0.w * v4;
      acc3_10 += a2_2_v0.w * v5;
      acc3_11 += a2_2_v0.w * v6;
      acc3_12 += a2_2_v0.w * v7;
      acc3_13 += a2_2_v0.w * v8;
      acc4_7 += a2_2_v1.x * v2;
      acc4_8 += a2_2_v1.x * v3;
      acc4_9 += a2_2_v1.x * v4;
      acc4_10 += a2_2_v1.x * v5;
      acc4_11 += a2_2_v1.x * v6;
      acc4_12 += a2_2_v1.x * v7;
      acc4_13 += a2_2_v1.x * v8;
      acc5_7 += a2_2_v1.y * v2;
      acc5_8 += a2_2_v1.y * v3;
      acc5_9 += a2_2_v1.y * v4;
      acc5_10 += a2_2_v1.y * v5;
      acc5_11 += a2_2_v1.y * v6;
      acc5_12 += a2_2_v1.y * v7;
      acc5_13 += a2_2_v1.y * v8;
      acc6_7 += a2_2_v1.z * v2;
      acc6_8 += a2_2_v1.z * v3;
      acc6_9 += a2_2_v1.z * v4;
      acc6_10 += a2_2_v1.z * v5;
      acc6_11 += a2_2_v1.z * v6;
      acc6_12 += a2_2_v1.z * v7;
      acc6_13 += a2_2_v1.z * v8;
      acc7_7 += a2_2_v1.w * v2;
      acc7_8 += a2_2_v1.w * v3;
      acc7_9 += a2_2_v1.w * v4;
      acc7_10 += a2_2_v1.w * v5;
      acc7_11 += a2_2_v1.w * v6;
      acc7_12 += a2_2_v1.w * v7;
      acc7_13 += a2_2_v1.w * v8;
    }
  }
  if (seg_raw < 14u) {
    let out_row = (img * 512u) * 196u + oy0 * 14u + ox0;
    if (o_base + 0u < 512u) {
      {
        var r = acc0_0;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 0u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc0_1;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 1u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc0_2;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 2u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc0_3;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 3u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc0_4;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 4u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc0_5;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 5u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc0_6;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 6u] = r;
      }
      {
        var r = acc0_7;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 14u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc0_8;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 15u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc0_9;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 16u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc0_10;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 17u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc0_11;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 18u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc0_12;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 19u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc0_13;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 196u + 20u] = r;
      }
    }
    if (o_base + 1u < 512u) {
      {
        var r = acc1_0;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 0u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc1_1;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 1u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc1_2;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 2u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc1_3;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 3u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc1_4;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 4u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc1_5;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 5u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc1_6;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 6u] = r;
      }
      {
        var r = acc1_7;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 14u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc1_8;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 15u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc1_9;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 16u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc1_10;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 17u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc1_11;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 18u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc1_12;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 19u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc1_13;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 196u + 20u] = r;
      }
    }
    if (o_base + 2u < 512u) {
      {
        var r = acc2_0;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 0u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc2_1;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 1u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc2_2;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 2u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc2_3;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 3u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc2_4;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 4u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc2_5;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 5u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc2_6;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 6u] = r;
      }
      {
        var r = acc2_7;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 14u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc2_8;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 15u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc2_9;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 16u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc2_10;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 17u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc2_11;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 18u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc2_12;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 19u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc2_13;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 196u + 20u] = r;
      }
    }
    if (o_base + 3u < 512u) {
      {
        var r = acc3_0;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 0u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc3_1;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 1u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc3_2;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 2u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc3_3;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 3u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc3_4;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 4u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc3_5;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 5u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc3_6;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 6u] = r;
      }
      {
        var r = acc3_7;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 14u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc3_8;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 15u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc3_9;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 16u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc3_10;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 17u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc3_11;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 18u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc3_12;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 19u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc3_13;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 196u + 20u] = r;
      }
    }
    if (o_base + 4u < 512u) {
      {
        var r = acc4_0;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 0u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc4_1;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 1u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc4_2;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 2u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc4_3;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 3u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc4_4;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 4u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc4_5;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 5u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc4_6;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 6u] = r;
      }
      {
        var r = acc4_7;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 14u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc4_8;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 15u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc4_9;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 16u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc4_10;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 17u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc4_11;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 18u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc4_12;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 19u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc4_13;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 196u + 20u] = r;
      }
    }
    if (o_base + 5u < 512u) {
      {
        var r = acc5_0;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 0u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc5_1;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 1u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc5_2;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 2u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc5_3;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 3u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc5_4;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 4u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc5_5;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 5u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc5_6;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 6u] = r;
      }
      {
        var r = acc5_7;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 14u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc5_8;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 15u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc5_9;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 16u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc5_10;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 17u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc5_11;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 18u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc5_12;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 19u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc5_13;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 196u + 20u] = r;
      }
    }
    if (o_base + 6u < 512u) {
      {
        var r = acc6_0;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 0u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc6_1;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 1u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc6_2;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 2u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc6_3;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 3u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc6_4;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 4u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc6_5;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 5u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc6_6;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 6u] = r;
      }
      {
        var r = acc6_7;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 14u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc6_8;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 15u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc6_9;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 16u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc6_10;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 17u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc6_11;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 18u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc6_12;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 19u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc6_13;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 196u + 20u] = r;
      }
    }
    if (o_base + 7u < 512u) {
      {
        var r = acc7_0;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 0u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc7_1;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 1u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc7_2;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 2u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc7_3;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 3u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc7_4;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 4u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc7_5;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 5u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc7_6;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 6u] = r;
      }
      {
        var r = acc7_7;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 14u] = r;
      }
      if (ox0 + 1u < 14u) {
        var r = acc7_8;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 15u] = r;
      }
      if (ox0 + 2u < 14u) {
        var r = acc7_9;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 16u] = r;
      }
      if (ox0 + 3u < 14u) {
        var r = acc7_10;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 17u] = r;
      }
      if (ox0 + 4u < 14u) {
        var r = acc7_11;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 18u] = r;
      }
      if (ox0 + 5u < 14u) {
        var r = acc7_12;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 19u] = r;
      }
      if (ox0 + 6u < 14u) {
        var r = acc7_13;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 196u + 20u] = r;
      }
    }
  }
}
