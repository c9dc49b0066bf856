// spec: {"c":8,"epilogue":[{"op":"bias"},{"op":"relu"}],"f16":[0,1,3],"flip":false,"h":32,"k":3,"kind":"conv","n":2,"o":8,"pad":1,"tile":{"bk":2,"bm":8,"bn":64,"ks":1,"tm":8,"tn":8,"variant":"direct"},"w":32}
// conv direct 8x8: workgroup size 8x1x1, 16x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f16, wt:read:f16, ep0_bias:read:f32, y:read_write:f16
// conv 2x8x32x32 -> 8 k3 pad1 (direct)
enable f16;
@group(0) @binding(0) var<storage, read> x: array<f16>;
@group(0) @binding(1) var<storage, read> wt: array<f16>;
@group(0) @binding(2) var<storage, read> ep0_bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f16>;

@compute @workgroup_size(8, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_n = wg.x % 16u;
  let tile_m = wg.x / 16u;
  let seg_raw = tile_n * 8u + lid.x;
  let seg = min(seg_raw, 127u);
  let img = seg / 64u;
  let oy0 = (seg % 64u) / 4u * 2u;
  let ox0 = (seg % 4u) * 8u;
  let o_base = tile_m * 8u + lid.y * 8u;
  let w_off0 = min(o_base + 0u, 7u) * 72u;
  let w_off1 = min(o_base + 1u, 7u) * 72u;
  let w_off2 = min(o_base + 2u, 7u) * 72u;
  let w_off3 = min(o_base + 3u, 7u) * 72u;
  let w_off4 = min(o_base + 4u, 7u) * 72u;
  let w_off5 = min(o_base + 5u, 7u) * 72u;
  let w_off6 = min(o_base + 6u, 7u) * 72u;
  let w_off7 = min(o_base + 7u, 7u) * 72u;
  let ix0 = i32(ox0) - 1i;
  let col_ok0 = u32(ix0) < 32u;
  let col_at0 = select(0i, ix0, col_ok0);
  let ix1 = i32(ox0);
  let col_ok1 = u32(ix1) < 32u;
  let col_at1 = select(0i, ix1, col_ok1);
  let ix2 = i32(ox0) + 1i;
  let col_ok2 = u32(ix2) < 32u;
  let col_at2 = select(0i, ix2, col_ok2);
  let ix3 = i32(ox0) + 2i;
  let col_ok3 = u32(ix3) < 32u;
  let col_at3 = select(0i, ix3, col_ok3);
  let ix4 = i32(ox0) + 3i;
  let col_ok4 = u32(ix4) < 32u;
  let col_at4 = select(0i, ix4, col_ok4);
  let ix5 = i32(ox0) + 4i;
  let col_ok5 = u32(ix5) < 32u;
  let col_at5 = select(0i, ix5, col_ok5);
  let ix6 = i32(ox0) + 5i;
  let col_ok6 = u32(ix6) < 32u;
  let col_at6 = select(0i, ix6, col_ok6);
  let ix7 = i32(ox0) + 6i;
  let col_ok7 = u32(ix7) < 32u;
  let col_at7 = select(0i, ix7, col_ok7);
  let ix8 = i32(ox0) + 7i;
  let col_ok8 = u32(ix8) < 32u;
  let col_at8 = select(0i, ix8, col_ok8);
  let ix9 = i32(ox0) + 8i;
  let col_ok9 = u32(ix9) < 32u;
  let col_at9 = select(0i, ix9, col_ok9);
  let x_img = i32(img * 8192u);
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f; var acc0_8 = 0.0f; var acc0_9 = 0.0f; var acc0_10 = 0.0f; var acc0_11 = 0.0f; var acc0_12 = 0.0f; var acc0_13 = 0.0f; var acc0_14 = 0.0f; var acc0_15 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f; var acc1_8 = 0.0f; var acc1_9 = 0.0f; var acc1_10 = 0.0f; var acc1_11 = 0.0f; var acc1_12 = 0.0f; var acc1_13 = 0.0f; var acc1_14 = 0.0f; var acc1_15 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f; var acc2_8 = 0.0f; var acc2_9 = 0.0f; var acc2_10 = 0.0f; var acc2_11 = 0.0f; var acc2_12 = 0.0f; var acc2_13 = 0.0f; var acc2_14 = 0.0f; var acc2_15 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f; var acc3_8 = 0.0f; var acc3_9 = 0.0f; var acc3_10 = 0.0f; var acc3_11 = 0.0f; var acc3_12 = 0.0f; var acc3_13 = 0.0f; var acc3_14 = 0.0f; var acc3_15 = 0.0f;
  var acc4_0 = 0.0f; var acc4_1 = 0.0f; var acc4_2 = 0.0f; var acc4_3 = 0.0f; var acc4_4 = 0.0f; var acc4_5 = 0.0f; var acc4_6 = 0.0f; var acc4_7 = 0.0f; var acc4_8 = 0.0f; var acc4_9 = 0.0f; var acc4_10 = 0.0f; var acc4_11 = 0.0f; var acc4_12 = 0.0f; var acc4_13 = 0.0f; var acc4_14 = 0.0f; var acc4_15 = 0.0f;
  var acc5_0 = 0.0f; var acc5_1 = 0.0f; var acc5_2 = 0.0f; var acc5_3 = 0.0f; var acc5_4 = 0.0f; var acc5_5 = 0.0f; var acc5_6 = 0.0f; var acc5_7 = 0.0f; var acc5_8 = 0.0f; var acc5_9 = 0.0f; var acc5_10 = 0.0f; var acc5_11 = 0.0f; var acc5_12 = 0.0f; var acc5_13 = 0.0f; var acc5_14 = 0.0f; var acc5_15 = 0.0f;
  var acc6_0 = 0.0f; var acc6_1 = 0.0f; var acc6_2 = 0.0f; var acc6_3 = 0.0f; var acc6_4 = 0.0f; var acc6_5 = 0.0f; var acc6_6 = 0.0f; var acc6_7 = 0.0f; var acc6_8 = 0.0f; var acc6_9 = 0.0f; var acc6_10 = 0.0f; var acc6_11 = 0.0f; var acc6_12 = 0.0f; var acc6_13 = 0.0f; var acc6_14 = 0.0f; var acc6_15 = 0.0f;
  var acc7_0 = 0.0f; var acc7_1 = 0.0f; var acc7_2 = 0.0f; var acc7_3 = 0.0f; var acc7_4 = 0.0f; var acc7_5 = 0.0f; var acc7_6 = 0.0f; var acc7_7 = 0.0f; var acc7_8 = 0.0f; var acc7_9 = 0.0f; var acc7_10 = 0.0f; var acc7_11 = 0.0f; var acc7_12 = 0.0f; var acc7_13 = 0.0f; var acc7_14 = 0.0f; var acc7_15 = 0.0f;
  for (var ci = 0u; ci < 8u; ci++) {
    let x_plane = x_img + i32(ci * 1024u);
    {
      let iy = i32(oy0) - 1i;
      let row_ok = u32(iy) < 32u;
      let x_row = x_plane + select(0i, iy, row_ok) * 32i;
      let v0 = select(0.0f, f32(x[u32(x_row + col_at0)]), row_ok && col_ok0);
      let v1 = select(0.0f, f32(x[u32(x_row + col_at1)]), row_ok && col_ok1);
      let v2 = select(0.0f, f32(x[u32(x_row + col_at2)]), row_ok && col_ok2);
      let v3 = select(0.0f, f32(x[u32(x_row + col_at3)]), row_ok && col_ok3);
      let v4 = select(0.0f, f32(x[u32(x_row + col_at4)]), row_ok && col_ok4);
      let v5 = select(0.0f, f32(x[u32(x_row + col_at5)]), row_ok && col_ok5);
      let v6 = select(0.0f, f32(x[u32(x_row + col_at6)]), row_ok && col_ok6);
      let v7 = select(0.0f, f32(x[u32(x_row + col_at7)]), row_ok && col_ok7);
      let v8 = select(0.0f, f32(x[u32(x_row + col_at8)]), row_ok && col_ok8);
      let v9 = select(0.0f, f32(x[u32(x_row + col_at9)]), row_ok && col_ok9);
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 0u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 0u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 0u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 0u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 0u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 0u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 0u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 0u]);
        acc0_0 += a0 * v0;
        acc0_1 += a0 * v1;
        acc0_2 += a0 * v2;
        acc0_3 += a0 * v3;
        acc0_4 += a0 * v4;
        acc0_5 += a0 * v5;
        acc0_6 += a0 * v6;
        acc0_7 += a0 * v7;
        acc1_0 += a1 * v0;
        acc1_1 += a1 * v1;
        acc1_2 += a1 * v2;
        acc1_3 += a1 * v3;
        acc1_4 += a1 * v4;
        acc1_5 += a1 * v5;
        acc1_6 += a1 * v6;
        acc1_7 += a1 * v7;
        acc2_0 += a2 * v0;
        acc2_1 += a2 * v1;
        acc2_2 += a2 * v2;
        acc2_3 += a2 * v3;
        acc2_4 += a2 * v4;
        acc2_5 += a2 * v5;
        acc2_6 += a2 * v6;
        acc2_7 += a2 * v7;
        acc3_0 += a3 * v0;
        acc3_1 += a3 * v1;
        acc3_2 += a3 * v2;
        acc3_3 += a3 * v3;
        acc3_4 += a3 * v4;
        acc3_5 += a3 * v5;
        acc3_6 += a3 * v6;
        acc3_7 += a3 * v7;
        acc4_0 += a4 * v0;
        acc4_1 += a4 * v1;
        acc4_2 += a4 * v2;
        acc4_3 += a4 * v3;
        acc4_4 += a4 * v4;
        acc4_5 += a4 * v5;
        acc4_6 += a4 * v6;
        acc4_7 += a4 * v7;
        acc5_0 += a5 * v0;
        acc5_1 += a5 * v1;
        acc5_2 += a5 * v2;
        acc5_3 += a5 * v3;
        acc5_4 += a5 * v4;
        acc5_5 += a5 * v5;
        acc5_6 += a5 * v6;
        acc5_7 += a5 * v7;
        acc6_0 += a6 * v0;
        acc6_1 += a6 * v1;
        acc6_2 += a6 * v2;
        acc6_3 += a6 * v3;
        acc6_4 += a6 * v4;
        acc6_5 += a6 * v5;
        acc6_6 += a6 * v6;
        acc6_7 += a6 * v7;
        acc7_0 += a7 * v0;
        acc7_1 += a7 * v1;
        acc7_2 += a7 * v2;
        acc7_3 += a7 * v3;
        acc7_4 += a7 * v4;
        acc7_5 += a7 * v5;
        acc7_6 += a7 * v6;
        acc7_7 += a7 * v7;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 1u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 1u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 1u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 1u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 1u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 1u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 1u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 1u]);
        acc0_0 += a0 * v1;
        acc0_1 += a0 * v2;
        acc0_2 += a0 * v3;
        acc0_3 += a0 * v4;
        acc0_4 += a0 * v5;
        acc0_5 += a0 * v6;
        acc0_6 += a0 * v7;
        acc0_7 += a0 * v8;
        acc1_0 += a1 * v1;
        acc1_1 += a1 * v2;
        acc1_2 += a1 * v3;
        acc1_3 += a1 * v4;
        acc1_4 += a1 * v5;
        acc1_5 += a1 * v6;
        acc1_6 += a1 * v7;
        acc1_7 += a1 * v8;
        acc2_0 += a2 * v1;
        acc2_1 += a2 * v2;
        acc2_2 += a2 * v3;
        acc2_3 += a2 * v4;
        acc2_4 += a2 * v5;
        acc2_5 += a2 * v6;
        acc2_6 += a2 * v7;
        acc2_7 += a2 * v8;
        acc3_0 += a3 * v1;
        acc3_1 += a3 * v2;
        acc3_2 += a3 * v3;
        acc3_3 += a3 * v4;
        acc3_4 += a3 * v5;
        acc3_5 += a3 * v6;
        acc3_6 += a3 * v7;
        acc3_7 += a3 * v8;
        acc4_0 += a4 * v1;
        acc4_1 += a4 * v2;
        acc4_2 += a4 * v3;
        acc4_3 += a4 * v4;
        acc4_4 += a4 * v5;
        acc4_5 += a4 * v6;
        acc4_6 += a4 * v7;
        acc4_7 += a4 * v8;
        acc5_0 += a5 * v1;
        acc5_1 += a5 * v2;
        acc5_2 += a5 * v3;
        acc5_3 += a5 * v4;
        acc5_4 += a5 * v5;
        acc5_5 += a5 * v6;
        acc5_6 += a5 * v7;
        acc5_7 += a5 * v8;
        acc6_0 += a6 * v1;
        acc6_1 += a6 * v2;
        acc6_2 += a6 * v3;
        acc6_3 += a6 * v4;
        acc6_4 += a6 * v5;
        acc6_5 += a6 * v6;
        acc6_6 += a6 * v7;
        acc6_7 += a6 * v8;
        acc7_0 += a7 * v1;
        acc7_1 += a7 * v2;
        acc7_2 += a7 * v3;
        acc7_3 += a7 * v4;
        acc7_4 += a7 * v5;
        acc7_5 += a7 * v6;
        acc7_6 += a7 * v7;
        acc7_7 += a7 * v8;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 2u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 2u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 2u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 2u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 2u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 2u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 2u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 2u]);
        acc0_0 += a0 * v2;
        acc0_1 += a0 * v3;
        acc0_2 += a0 * v4;
        acc0_3 += a0 * v5;
        acc0_4 += a0 * v6;
        acc0_5 += a0 * v7;
        acc0_6 += a0 * v8;
        acc0_7 += a0 * v9;
        acc1_0 += a1 * v2;
        acc1_1 += a1 * v3;
        acc1_2 += a1 * v4;
        acc1_3 += a1 * v5;
        acc1_4 += a1 * v6;
        acc1_5 += a1 * v7;
        acc1_6 += a1 * v8;
        acc1_7 += a1 * v9;
        acc2_0 += a2 * v2;
        acc2_1 += a2 * v3;
        acc2_2 += a2 * v4;
        acc2_3 += a2 * v5;
        acc2_4 += a2 * v6;
        acc2_5 += a2 * v7;
        acc2_6 += a2 * v8;
        acc2_7 += a2 * v9;
        acc3_0 += a3 * v2;
        acc3_1 += a3 * v3;
        acc3_2 += a3 * v4;
        acc3_3 += a3 * v5;
        acc3_4 += a3 * v6;
        acc3_5 += a3 * v7;
        acc3_6 += a3 * v8;
        acc3_7 += a3 * v9;
        acc4_0 += a4 * v2;
        acc4_1 += a4 * v3;
        acc4_2 += a4 * v4;
        acc4_3 += a4 * v5;
        acc4_4 += a4 * v6;
        acc4_5 += a4 * v7;
        acc4_6 += a4 * v8;
        acc4_7 += a4 * v9;
        acc5_0 += a5 * v2;
        acc5_1 += a5 * v3;
        acc5_2 += a5 * v4;
        acc5_3 += a5 * v5;
        acc5_4 += a5 * v6;
        acc5_5 += a5 * v7;
        acc5_6 += a5 * v8;
        acc5_7 += a5 * v9;
        acc6_0 += a6 * v2;
        acc6_1 += a6 * v3;
        acc6_2 += a6 * v4;
        acc6_3 += a6 * v5;
        acc6_4 += a6 * v6;
        acc6_5 += a6 * v7;
        acc6_6 += a6 * v8;
        acc6_7 += a6 * v9;
        acc7_0 += a7 * v2;
        acc7_1 += a7 * v3;
        acc7_2 += a7 * v4;
        acc7_3 += a7 * v5;
        acc7_4 += a7 * v6;
        acc7_5 += a7 * v7;
        acc7_6 += a7 * v8;
        acc7_7 += a7 * v9;
      }
    }
    {
      let iy = i32(oy0);
      let row_ok = u32(iy) < 32u;
      let x_row = x_plane + select(0i, iy, row_ok) * 32i;
      let v0 = select(0.0f, f32(x[u32(x_row + col_at0)]), row_ok && col_ok0);
      let v1 = select(0.0f, f32(x[u32(x_row + col_at1)]), row_ok && col_ok1);
      let v2 = select(0.0f, f32(x[u32(x_row + col_at2)]), row_ok && col_ok2);
      let v3 = select(0.0f, f32(x[u32(x_row + col_at3)]), row_ok && col_ok3);
      let v4 = select(0.0f, f32(x[u32(x_row + col_at4)]), row_ok && col_ok4);
      let v5 = select(0.0f, f32(x[u32(x_row + col_at5)]), row_ok && col_ok5);
      let v6 = select(0.0f, f32(x[u32(x_row + col_at6)]), row_ok && col_ok6);
      let v7 = select(0.0f, f32(x[u32(x_row + col_at7)]), row_ok && col_ok7);
      let v8 = select(0.0f, f32(x[u32(x_row + col_at8)]), row_ok && col_ok8);
      let v9 = select(0.0f, f32(x[u32(x_row + col_at9)]), row_ok && col_ok9);
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 3u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 3u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 3u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 3u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 3u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 3u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 3u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 3u]);
        acc0_0 += a0 * v0;
        acc0_1 += a0 * v1;
        acc0_2 += a0 * v2;
        acc0_3 += a0 * v3;
        acc0_4 += a0 * v4;
        acc0_5 += a0 * v5;
        acc0_6 += a0 * v6;
        acc0_7 += a0 * v7;
        acc1_0 += a1 * v0;
        acc1_1 += a1 * v1;
        acc1_2 += a1 * v2;
        acc1_3 += a1 * v3;
        acc1_4 += a1 * v4;
        acc1_5 += a1 * v5;
        acc1_6 += a1 * v6;
        acc1_7 += a1 * v7;
        acc2_0 += a2 * v0;
        acc2_1 += a2 * v1;
        acc2_2 += a2 * v2;
        acc2_3 += a2 * v3;
        acc2_4 += a2 * v4;
        acc2_5 += a2 * v5;
        acc2_6 += a2 * v6;
        acc2_7 += a2 * v7;
        acc3_0 += a3 * v0;
        acc3_1 += a3 * v1;
        acc3_2 += a3 * v2;
        acc3_3 += a3 * v3;
        acc3_4 += a3 * v4;
        acc3_5 += a3 * v5;
        acc3_6 += a3 * v6;
        acc3_7 += a3 * v7;
        acc4_0 += a4 * v0;
        acc4_1 += a4 * v1;
        acc4_2 += a4 * v2;
        acc4_3 += a4 * v3;
        acc4_4 += a4 * v4;
        acc4_5 += a4 * v5;
        acc4_6 += a4 * v6;
        acc4_7 += a4 * v7;
        acc5_0 += a5 * v0;
        acc5_1 += a5 * v1;
        acc5_2 += a5 * v2;
        acc5_3 += a5 * v3;
        acc5_4 += a5 * v4;
        acc5_5 += a5 * v5;
        acc5_6 += a5 * v6;
        acc5_7 += a5 * v7;
        acc6_0 += a6 * v0;
        acc6_1 += a6 * v1;
        acc6_2 += a6 * v2;
        acc6_3 += a6 * v3;
        acc6_4 += a6 * v4;
        acc6_5 += a6 * v5;
        acc6_6 += a6 * v6;
        acc6_7 += a6 * v7;
        acc7_0 += a7 * v0;
        acc7_1 += a7 * v1;
        acc7_2 += a7 * v2;
        acc7_3 += a7 * v3;
        acc7_4 += a7 * v4;
        acc7_5 += a7 * v5;
        acc7_6 += a7 * v6;
        acc7_7 += a7 * v7;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 0u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 0u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 0u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 0u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 0u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 0u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 0u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 0u]);
        acc0_8 += a0 * v0;
        acc0_9 += a0 * v1;
        acc0_10 += a0 * v2;
        acc0_11 += a0 * v3;
        acc0_12 += a0 * v4;
        acc0_13 += a0 * v5;
        acc0_14 += a0 * v6;
        acc0_15 += a0 * v7;
        acc1_8 += a1 * v0;
        acc1_9 += a1 * v1;
        acc1_10 += a1 * v2;
        acc1_11 += a1 * v3;
        acc1_12 += a1 * v4;
        acc1_13 += a1 * v5;
        acc1_14 += a1 * v6;
        acc1_15 += a1 * v7;
        acc2_8 += a2 * v0;
        acc2_9 += a2 * v1;
        acc2_10 += a2 * v2;
        acc2_11 += a2 * v3;
        acc2_12 += a2 * v4;
        acc2_13 += a2 * v5;
        acc2_14 += a2 * v6;
        acc2_15 += a2 * v7;
        acc3_8 += a3 * v0;
        acc3_9 += a3 * v1;
        acc3_10 += a3 * v2;
        acc3_11 += a3 * v3;
        acc3_12 += a3 * v4;
        acc3_13 += a3 * v5;
        acc3_14 += a3 * v6;
        acc3_15 += a3 * v7;
        acc4_8 += a4 * v0;
        acc4_9 += a4 * v1;
        acc4_10 += a4 * v2;
        acc4_11 += a4 * v3;
        acc4_12 += a4 * v4;
        acc4_13 += a4 * v5;
        acc4_14 += a4 * v6;
        acc4_15 += a4 * v7;
        acc5_8 += a5 * v0;
        acc5_9 += a5 * v1;
        acc5_10 += a5 * v2;
        acc5_11 += a5 * v3;
        acc5_12 += a5 * v4;
        acc5_13 += a5 * v5;
        acc5_14 += a5 * v6;
        acc5_15 += a5 * v7;
        acc6_8 += a6 * v0;
        acc6_9 += a6 * v1;
        acc6_10 += a6 * v2;
        acc6_11 += a6 * v3;
        acc6_12 += a6 * v4;
        acc6_13 += a6 * v5;
        acc6_14 += a6 * v6;
        acc6_15 += a6 * v7;
        acc7_8 += a7 * v0;
        acc7_9 += a7 * v1;
        acc7_10 += a7 * v2;
        acc7_11 += a7 * v3;
        acc7_12 += a7 * v4;
        acc7_13 += a7 * v5;
        acc7_14 += a7 * v6;
        acc7_15 += a7 * v7;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 4u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 4u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 4u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 4u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 4u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 4u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 4u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 4u]);
        acc0_0 += a0 * v1;
        acc0_1 += a0 * v2;
        acc0_2 += a0 * v3;
        acc0_3 += a0 * v4;
        acc0_4 += a0 * v5;
        acc0_5 += a0 * v6;
        acc0_6 += a0 * v7;
        acc0_7 += a0 * v8;
        acc1_0 += a1 * v1;
        acc1_1 += a1 * v2;
        acc1_2 += a1 * v3;
        acc1_3 += a1 * v4;
        acc1_4 += a1 * v5;
        acc1_5 += a1 * v6;
        acc1_6 += a1 * v7;
        acc1_7 += a1 * v8;
        acc2_0 += a2 * v1;
        acc2_1 += a2 * v2;
        acc2_2 += a2 * v3;
        acc2_3 += a2 * v4;
        acc2_4 += a2 * v5;
        acc2_5 += a2 * v6;
        acc2_6 += a2 * v7;
        acc2_7 += a2 * v8;
        acc3_0 += a3 * v1;
        acc3_1 += a3 * v2;
        acc3_2 += a3 * v3;
        acc3_3 += a3 * v4;
        acc3_4 += a3 * v5;
        acc3_5 += a3 * v6;
        acc3_6 += a3 * v7;
        acc3_7 += a3 * v8;
        acc4_0 += a4 * v1;
        acc4_1 += a4 * v2;
        acc4_2 += a4 * v3;
        acc4_3 += a4 * v4;
        acc4_4 += a4 * v5;
        acc4_5 += a4 * v6;
        acc4_6 += a4 * v7;
        acc4_7 += a4 * v8;
        acc5_0 += a5 * v1;
        acc5_1 += a5 * v2;
        acc5_2 += a5 * v3;
        acc5_3 += a5 * v4;
        acc5_4 += a5 * v5;
        acc5_5 += a5 * v6;
        acc5_6 += a5 * v7;
        acc5_7 += a5 * v8;
        acc6_0 += a6 * v1;
        acc6_1 += a6 * v2;
        acc6_2 += a6 * v3;
        acc6_3 += a6 * v4;
        acc6_4 += a6 * v5;
        acc6_5 += a6 * v6;
        acc6_6 += a6 * v7;
        acc6_7 += a6 * v8;
        acc7_0 += a7 * v1;
        acc7_1 += a7 * v2;
        acc7_2 += a7 * v3;
        acc7_3 += a7 * v4;
        acc7_4 += a7 * v5;
        acc7_5 += a7 * v6;
        acc7_6 += a7 * v7;
        acc7_7 += a7 * v8;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 1u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 1u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 1u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 1u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 1u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 1u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 1u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 1u]);
        acc0_8 += a0 * v1;
        acc0_9 += a0 * v2;
        acc0_10 += a0 * v3;
        acc0_11 += a0 * v4;
        acc0_12 += a0 * v5;
        acc0_13 += a0 * v6;
        acc0_14 += a0 * v7;
        acc0_15 += a0 * v8;
        acc1_8 += a1 * v1;
        acc1_9 += a1 * v2;
        acc1_10 += a1 * v3;
        acc1_11 += a1 * v4;
        acc1_12 += a1 * v5;
        acc1_13 += a1 * v6;
        acc1_14 += a1 * v7;
        acc1_15 += a1 * v8;
        acc2_8 += a2 * v1;
        acc2_9 += a2 * v2;
        acc2_10 += a2 * v3;
        acc2_11 += a2 * v4;
        acc2_12 += a2 * v5;
        acc2_13 += a2 * v6;
        acc2_14 += a2 * v7;
        acc2_15 += a2 * v8;
        acc3_8 += a3 * v1;
        acc3_9 += a3 * v2;
        acc3_10 += a3 * v3;
        acc3_11 += a3 * v4;
        acc3_12 += a3 * v5;
        acc3_13 += a3 * v6;
        acc3_14 += a3 * v7;
        acc3_15 += a3 * v8;
        acc4_8 += a4 * v1;
        acc4_9 += a4 * v2;
        acc4_10 += a4 * v3;
        acc4_11 += a4 * v4;
        acc4_12 += a4 * v5;
        acc4_13 += a4 * v6;
        acc4_14 += a4 * v7;
        acc4_15 += a4 * v8;
        acc5_8 += a5 * v1;
        acc5_9 += a5 * v2;
        acc5_10 += a5 * v3;
        acc5_11 += a5 * v4;
        acc5_12 += a5 * v5;
        acc5_13 += a5 * v6;
        acc5_14 += a5 * v7;
        acc5_15 += a5 * v8;
        acc6_8 += a6 * v1;
        acc6_9 += a6 * v2;
        acc6_10 += a6 * v3;
        acc6_11 += a6 * v4;
        acc6_12 += a6 * v5;
        acc6_13 += a6 * v6;
        acc6_14 += a6 * v7;
        acc6_15 += a6 * v8;
        acc7_8 += a7 * v1;
        acc7_9 += a7 * v2;
        acc7_10 += a7 * v3;
        acc7_11 += a7 * v4;
        acc7_12 += a7 * v5;
        acc7_13 += a7 * v6;
        acc7_14 += a7 * v7;
        acc7_15 += a7 * v8;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 5u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 5u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 5u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 5u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 5u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 5u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 5u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 5u]);
        acc0_0 += a0 * v2;
        acc0_1 += a0 * v3;
        acc0_2 += a0 * v4;
        acc0_3 += a0 * v5;
        acc0_4 += a0 * v6;
        acc0_5 += a0 * v7;
        acc0_6 += a0 * v8;
        acc0_7 += a0 * v9;
        acc1_0 += a1 * v2;
        acc1_1 += a1 * v3;
        acc1_2 += a1 * v4;
        acc1_3 += a1 * v5;
        acc1_4 += a1 * v6;
        acc1_5 += a1 * v7;
        acc1_6 += a1 * v8;
        acc1_7 += a1 * v9;
        acc2_0 += a2 * v2;
        acc2_1 += a2 * v3;
        acc2_2 += a2 * v4;
        acc2_3 += a2 * v5;
        acc2_4 += a2 * v6;
        acc2_5 += a2 * v7;
        acc2_6 += a2 * v8;
        acc2_7 += a2 * v9;
        acc3_0 += a3 * v2;
        acc3_1 += a3 * v3;
        acc3_2 += a3 * v4;
        acc3_3 += a3 * v5;
        acc3_4 += a3 * v6;
        acc3_5 += a3 * v7;
        acc3_6 += a3 * v8;
        acc3_7 += a3 * v9;
        acc4_0 += a4 * v2;
        acc4_1 += a4 * v3;
        acc4_2 += a4 * v4;
        acc4_3 += a4 * v5;
        acc4_4 += a4 * v6;
        acc4_5 += a4 * v7;
        acc4_6 += a4 * v8;
        acc4_7 += a4 * v9;
        acc5_0 += a5 * v2;
        acc5_1 += a5 * v3;
        acc5_2 += a5 * v4;
        acc5_3 += a5 * v5;
        acc5_4 += a5 * v6;
        acc5_5 += a5 * v7;
        acc5_6 += a5 * v8;
        acc5_7 += a5 * v9;
        acc6_0 += a6 * v2;
        acc6_1 += a6 * v3;
        acc6_2 += a6 * v4;
        acc6_3 += a6 * v5;
        acc6_4 += a6 * v6;
        acc6_5 += a6 * v7;
        acc6_6 += a6 * v8;
        acc6_7 += a6 * v9;
        acc7_0 += a7 * v2;
        acc7_1 += a7 * v3;
        acc7_2 += a7 * v4;
        acc7_3 += a7 * v5;
        acc7_4 += a7 * v6;
        acc7_5 += a7 * v7;
        acc7_6 += a7 * v8;
        acc7_7 += a7 * v9;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 2u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 2u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 2u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 2u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 2u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 2u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 2u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 2u]);
        acc0_8 += a0 * v2;
        acc0_9 += a0 * v3;
        acc0_10 += a0 * v4;
        acc0_11 += a0 * v5;
        acc0_12 += a0 * v6;
        acc0_13 += a0 * v7;
        acc0_14 += a0 * v8;
        acc0_15 += a0 * v9;
        acc1_8 += a1 * v2;
        acc1_9 += a1 * v3;
        acc1_10 += a1 * v4;
        acc1_11 += a1 * v5;
        acc1_12 += a1 * v6;
        acc1_13 += a1 * v7;
        acc1_14 += a1 * v8;
        acc1_15 += a1 * v9;
        acc2_8 += a2 * v2;
        acc2_9 += a2 * v3;
        acc2_10 += a2 * v4;
        acc2_11 += a2 * v5;
        acc2_12 += a2 * v6;
        acc2_13 += a2 * v7;
        acc2_14 += a2 * v8;
        acc2_15 += a2 * v9;
        acc3_8 += a3 * v2;
        acc3_9 += a3 * v3;
        acc3_10 += a3 * v4;
        acc3_11 += a3 * v5;
        acc3_12 += a3 * v6;
        acc3_13 += a3 * v7;
        acc3_14 += a3 * v8;
        acc3_15 += a3 * v9;
        acc4_8 += a4 * v2;
        acc4_9 += a4 * v3;
        acc4_10 += a4 * v4;
        acc4_11 += a4 * v5;
        acc4_12 += a4 * v6;
        acc4_13 += a4 * v7;
        acc4_14 += a4 * v8;
        acc4_15 += a4 * v9;
        acc5_8 += a5 * v2;
        acc5_9 += a5 * v3;
        acc5_10 += a5 * v4;
        acc5_11 += a5 * v5;
        acc5_12 += a5 * v6;
        acc5_13 += a5 * v7;
        acc5_14 += a5 * v8;
        acc5_15 += a5 * v9;
        acc6_8 += a6 * v2;
        acc6_9 += a6 * v3;
        acc6_10 += a6 * v4;
        acc6_11 += a6 * v5;
        acc6_12 += a6 * v6;
        acc6_13 += a6 * v7;
        acc6_14 += a6 * v8;
        acc6_15 += a6 * v9;
        acc7_8 += a7 * v2;
        acc7_9 += a7 * v3;
        acc7_10 += a7 * v4;
        acc7_11 += a7 * v5;
        acc7_12 += a7 * v6;
        acc7_13 += a7 * v7;
        acc7_14 += a7 * v8;
        acc7_15 += a7 * v9;
      }
    }
    {
      let iy = i32(oy0) + 1i;
      let row_ok = u32(iy) < 32u;
      let x_row = x_plane + select(0i, iy, row_ok) * 32i;
      let v0 = select(0.0f, f32(x[u32(x_row + col_at0)]), row_ok && col_ok0);
      let v1 = select(0.0f, f32(x[u32(x_row + col_at1)]), row_ok && col_ok1);
      let v2 = select(0.0f, f32(x[u32(x_row + col_at2)]), row_ok && col_ok2);
      let v3 = select(0.0f, f32(x[u32(x_row + col_at3)]), row_ok && col_ok3);
      let v4 = select(0.0f, f32(x[u32(x_row + col_at4)]), row_ok && col_ok4);
      let v5 = select(0.0f, f32(x[u32(x_row + col_at5)]), row_ok && col_ok5);
      let v6 = select(0.0f, f32(x[u32(x_row + col_at6)]), row_ok && col_ok6);
      let v7 = select(0.0f, f32(x[u32(x_row + col_at7)]), row_ok && col_ok7);
      let v8 = select(0.0f, f32(x[u32(x_row + col_at8)]), row_ok && col_ok8);
      let v9 = select(0.0f, f32(x[u32(x_row + col_at9)]), row_ok && col_ok9);
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 6u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 6u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 6u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 6u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 6u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 6u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 6u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 6u]);
        acc0_0 += a0 * v0;
        acc0_1 += a0 * v1;
        acc0_2 += a0 * v2;
        acc0_3 += a0 * v3;
        acc0_4 += a0 * v4;
        acc0_5 += a0 * v5;
        acc0_6 += a0 * v6;
        acc0_7 += a0 * v7;
        acc1_0 += a1 * v0;
        acc1_1 += a1 * v1;
        acc1_2 += a1 * v2;
        acc1_3 += a1 * v3;
        acc1_4 += a1 * v4;
        acc1_5 += a1 * v5;
        acc1_6 += a1 * v6;
        acc1_7 += a1 * v7;
        acc2_0 += a2 * v0;
        acc2_1 += a2 * v1;
        acc2_2 += a2 * v2;
        acc2_3 += a2 * v3;
        acc2_4 += a2 * v4;
        acc2_5 += a2 * v5;
        acc2_6 += a2 * v6;
        acc2_7 += a2 * v7;
        acc3_0 += a3 * v0;
        acc3_1 += a3 * v1;
        acc3_2 += a3 * v2;
        acc3_3 += a3 * v3;
        acc3_4 += a3 * v4;
        acc3_5 += a3 * v5;
        acc3_6 += a3 * v6;
        acc3_7 += a3 * v7;
        acc4_0 += a4 * v0;
        acc4_1 += a4 * v1;
        acc4_2 += a4 * v2;
        acc4_3 += a4 * v3;
        acc4_4 += a4 * v4;
        acc4_5 += a4 * v5;
        acc4_6 += a4 * v6;
        acc4_7 += a4 * v7;
        acc5_0 += a5 * v0;
        acc5_1 += a5 * v1;
        acc5_2 += a5 * v2;
        acc5_3 += a5 * v3;
        acc5_4 += a5 * v4;
        acc5_5 += a5 * v5;
        acc5_6 += a5 * v6;
        acc5_7 += a5 * v7;
        acc6_0 += a6 * v0;
        acc6_1 += a6 * v1;
        acc6_2 += a6 * v2;
        acc6_3 += a6 * v3;
        acc6_4 += a6 * v4;
        acc6_5 += a6 * v5;
        acc6_6 += a6 * v6;
        acc6_7 += a6 * v7;
        acc7_0 += a7 * v0;
        acc7_1 += a7 * v1;
        acc7_2 += a7 * v2;
        acc7_3 += a7 * v3;
        acc7_4 += a7 * v4;
        acc7_5 += a7 * v5;
        acc7_6 += a7 * v6;
        acc7_7 += a7 * v7;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 3u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 3u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 3u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 3u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 3u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 3u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 3u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 3u]);
        acc0_8 += a0 * v0;
        acc0_9 += a0 * v1;
        acc0_10 += a0 * v2;
        acc0_11 += a0 * v3;
        acc0_12 += a0 * v4;
        acc0_13 += a0 * v5;
        acc0_14 += a0 * v6;
        acc0_15 += a0 * v7;
        acc1_8 += a1 * v0;
        acc1_9 += a1 * v1;
        acc1_10 += a1 * v2;
        acc1_11 += a1 * v3;
        acc1_12 += a1 * v4;
        acc1_13 += a1 * v5;
        acc1_14 += a1 * v6;
        acc1_15 += a1 * v7;
        acc2_8 += a2 * v0;
        acc2_9 += a2 * v1;
        acc2_10 += a2 * v2;
        acc2_11 += a2 * v3;
        acc2_12 += a2 * v4;
        acc2_13 += a2 * v5;
        acc2_14 += a2 * v6;
        acc2_15 += a2 * v7;
        acc3_8 += a3 * v0;
        acc3_9 += a3 * v1;
        acc3_10 += a3 * v2;
        acc3_11 += a3 * v3;
        acc3_12 += a3 * v4;
        acc3_13 += a3 * v5;
        acc3_14 += a3 * v6;
        acc3_15 += a3 * v7;
        acc4_8 += a4 * v0;
        acc4_9 += a4 * v1;
        acc4_10 += a4 * v2;
        acc4_11 += a4 * v3;
        acc4_12 += a4 * v4;
        acc4_13 += a4 * v5;
        acc4_14 += a4 * v6;
        acc4_15 += a4 * v7;
        acc5_8 += a5 * v0;
        acc5_9 += a5 * v1;
        acc5_10 += a5 * v2;
        acc5_11 += a5 * v3;
        acc5_12 += a5 * v4;
        acc5_13 += a5 * v5;
        acc5_14 += a5 * v6;
        acc5_15 += a5 * v7;
        acc6_8 += a6 * v0;
        acc6_9 += a6 * v1;
        acc6_10 += a6 * v2;
        acc6_11 += a6 * v3;
        acc6_12 += a6 * v4;
        acc6_13 += a6 * v5;
        acc6_14 += a6 * v6;
        acc6_15 += a6 * v7;
        acc7_8 += a7 * v0;
        acc7_9 += a7 * v1;
        acc7_10 += a7 * v2;
        acc7_11 += a7 * v3;
        acc7_12 += a7 * v4;
        acc7_13 += a7 * v5;
        acc7_14 += a7 * v6;
        acc7_15 += a7 * v7;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 7u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 7u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 7u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 7u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 7u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 7u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 7u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 7u]);
        acc0_0 += a0 * v1;
        acc0_1 += a0 * v2;
        acc0_2 += a0 * v3;
        acc0_3 += a0 * v4;
        acc0_4 += a0 * v5;
        acc0_5 += a0 * v6;
        acc0_6 += a0 * v7;
        acc0_7 += a0 * v8;
        acc1_0 += a1 * v1;
        acc1_1 += a1 * v2;
        acc1_2 += a1 * v3;
        acc1_3 += a1 * v4;
        acc1_4 += a1 * v5;
        acc1_5 += a1 * v6;
        acc1_6 += a1 * v7;
        acc1_7 += a1 * v8;
        acc2_0 += a2 * v1;
        acc2_1 += a2 * v2;
        acc2_2 += a2 * v3;
        acc2_3 += a2 * v4;
        acc2_4 += a2 * v5;
        acc2_5 += a2 * v6;
        acc2_6 += a2 * v7;
        acc2_7 += a2 * v8;
        acc3_0 += a3 * v1;
        acc3_1 += a3 * v2;
        acc3_2 += a3 * v3;
        acc3_3 += a3 * v4;
        acc3_4 += a3 * v5;
        acc3_5 += a3 * v6;
        acc3_6 += a3 * v7;
        acc3_7 += a3 * v8;
        acc4_0 += a4 * v1;
        acc4_1 += a4 * v2;
        acc4_2 += a4 * v3;
        acc4_3 += a4 * v4;
        acc4_4 += a4 * v5;
        acc4_5 += a4 * v6;
        acc4_6 += a4 * v7;
        acc4_7 += a4 * v8;
        acc5_0 += a5 * v1;
        acc5_1 += a5 * v2;
        acc5_2 += a5 * v3;
        acc5_3 += a5 * v4;
        acc5_4 += a5 * v5;
        acc5_5 += a5 * v6;
        acc5_6 += a5 * v7;
        acc5_7 += a5 * v8;
        acc6_0 += a6 * v1;
        acc6_1 += a6 * v2;
        acc6_2 += a6 * v3;
        acc6_3 += a6 * v4;
        acc6_4 += a6 * v5;
        acc6_5 += a6 * v6;
        acc6_6 += a6 * v7;
        acc6_7 += a6 * v8;
        acc7_0 += a7 * v1;
        acc7_1 += a7 * v2;
        acc7_2 += a7 * v3;
        acc7_3 += a7 * v4;
        acc7_4 += a7 * v5;
        acc7_5 += a7 * v6;
        acc7_6 += a7 * v7;
        acc7_7 += a7 * v8;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 4u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 4u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 4u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 4u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 4u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 4u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 4u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 4u]);
        acc0_8 += a0 * v1;
        acc0_9 += a0 * v2;
        acc0_10 += a0 * v3;
        acc0_11 += a0 * v4;
        acc0_12 += a0 * v5;
        acc0_13 += a0 * v6;
        acc0_14 += a0 * v7;
        acc0_15 += a0 * v8;
        acc1_8 += a1 * v1;
        acc1_9 += a1 * v2;
        acc1_10 += a1 * v3;
        acc1_11 += a1 * v4;
        acc1_12 += a1 * v5;
        acc1_13 += a1 * v6;
        acc1_14 += a1 * v7;
        acc1_15 += a1 * v8;
        acc2_8 += a2 * v1;
        acc2_9 += a2 * v2;
        acc2_10 += a2 * v3;
        acc2_11 += a2 * v4;
        acc2_12 += a2 * v5;
        acc2_13 += a2 * v6;
        acc2_14 += a2 * v7;
        acc2_15 += a2 * v8;
        acc3_8 += a3 * v1;
        acc3_9 += a3 * v2;
        acc3_10 += a3 * v3;
        acc3_11 += a3 * v4;
        acc3_12 += a3 * v5;
        acc3_13 += a3 * v6;
        acc3_14 += a3 * v7;
        acc3_15 += a3 * v8;
        acc4_8 += a4 * v1;
        acc4_9 += a4 * v2;
        acc4_10 += a4 * v3;
        acc4_11 += a4 * v4;
        acc4_12 += a4 * v5;
        acc4_13 += a4 * v6;
        acc4_14 += a4 * v7;
        acc4_15 += a4 * v8;
        acc5_8 += a5 * v1;
        acc5_9 += a5 * v2;
        acc5_10 += a5 * v3;
        acc5_11 += a5 * v4;
        acc5_12 += a5 * v5;
        acc5_13 += a5 * v6;
        acc5_14 += a5 * v7;
        acc5_15 += a5 * v8;
        acc6_8 += a6 * v1;
        acc6_9 += a6 * v2;
        acc6_10 += a6 * v3;
        acc6_11 += a6 * v4;
        acc6_12 += a6 * v5;
        acc6_13 += a6 * v6;
        acc6_14 += a6 * v7;
        acc6_15 += a6 * v8;
        acc7_8 += a7 * v1;
        acc7_9 += a7 * v2;
        acc7_10 += a7 * v3;
        acc7_11 += a7 * v4;
        acc7_12 += a7 * v5;
        acc7_13 += a7 * v6;
        acc7_14 += a7 * v7;
        acc7_15 += a7 * v8;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 8u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 8u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 8u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 8u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 8u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 8u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 8u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 8u]);
        acc0_0 += a0 * v2;
        acc0_1 += a0 * v3;
        acc0_2 += a0 * v4;
        acc0_3 += a0 * v5;
        acc0_4 += a0 * v6;
        acc0_5 += a0 * v7;
        acc0_6 += a0 * v8;
        acc0_7 += a0 * v9;
        acc1_0 += a1 * v2;
        acc1_1 += a1 * v3;
        acc1_2 += a1 * v4;
        acc1_3 += a1 * v5;
        acc1_4 += a1 * v6;
        acc1_5 += a1 * v7;
        acc1_6 += a1 * v8;
        acc1_7 += a1 * v9;
        acc2_0 += a2 * v2;
        acc2_1 += a2 * v3;
        acc2_2 += a2 * v4;
        acc2_3 += a2 * v5;
        acc2_4 += a2 * v6;
        acc2_5 += a2 * v7;
        acc2_6 += a2 * v8;
        acc2_7 += a2 * v9;
        acc3_0 += a3 * v2;
        acc3_1 += a3 * v3;
        acc3_2 += a3 * v4;
        acc3_3 += a3 * v5;
        acc3_4 += a3 * v6;
        acc3_5 += a3 * v7;
        acc3_6 += a3 * v8;
        acc3_7 += a3 * v9;
        acc4_0 += a4 * v2;
        acc4_1 += a4 * v3;
        acc4_2 += a4 * v4;
        acc4_3 += a4 * v5;
        acc4_4 += a4 * v6;
        acc4_5 += a4 * v7;
        acc4_6 += a4 * v8;
        acc4_7 += a4 * v9;
        acc5_0 += a5 * v2;
        acc5_1 += a5 * v3;
        acc5_2 += a5 * v4;
        acc5_3 += a5 * v5;
        acc5_4 += a5 * v6;
        acc5_5 += a5 * v7;
        acc5_6 += a5 * v8;
        acc5_7 += a5 * v9;
        acc6_0 += a6 * v2;
        acc6_1 += a6 * v3;
        acc6_2 += a6 * v4;
        acc6_3 += a6 * v5;
        acc6_4 += a6 * v6;
        acc6_5 += a6 * v7;
        acc6_6 += a6 * v8;
        acc6_7 += a6 * v9;
        acc7_0 += a7 * v2;
        acc7_1 += a7 * v3;
        acc7_2 += a7 * v4;
        acc7_3 += a7 * v5;
        acc7_4 += a7 * v6;
        acc7_5 += a7 * v7;
        acc7_6 += a7 * v8;
        acc7_7 += a7 * v9;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 5u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 5u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 5u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 5u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 5u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 5u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 5u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 5u]);
        acc0_8 += a0 * v2;
        acc0_9 += a0 * v3;
        acc0_10 += a0 * v4;
        acc0_11 += a0 * v5;
        acc0_12 += a0 * v6;
        acc0_13 += a0 * v7;
        acc0_14 += a0 * v8;
        acc0_15 += a0 * v9;
        acc1_8 += a1 * v2;
        acc1_9 += a1 * v3;
        acc1_10 += a1 * v4;
        acc1_11 += a1 * v5;
        acc1_12 += a1 * v6;
        acc1_13 += a1 * v7;
        acc1_14 += a1 * v8;
        acc1_15 += a1 * v9;
        acc2_8 += a2 * v2;
        acc2_9 += a2 * v3;
        acc2_10 += a2 * v4;
        acc2_11 += a2 * v5;
        acc2_12 += a2 * v6;
        acc2_13 += a2 * v7;
        acc2_14 += a2 * v8;
        acc2_15 += a2 * v9;
        acc3_8 += a3 * v2;
        acc3_9 += a3 * v3;
        acc3_10 += a3 * v4;
        acc3_11 += a3 * v5;
        acc3_12 += a3 * v6;
        acc3_13 += a3 * v7;
        acc3_14 += a3 * v8;
        acc3_15 += a3 * v9;
        acc4_8 += a4 * v2;
        acc4_9 += a4 * v3;
        acc4_10 += a4 * v4;
        acc4_11 += a4 * v5;
        acc4_12 += a4 * v6;
        acc4_13 += a4 * v7;
        acc4_14 += a4 * v8;
        acc4_15 += a4 * v9;
        acc5_8 += a5 * v2;
        acc5_9 += a5 * v3;
        acc5_10 += a5 * v4;
        acc5_11 += a5 * v5;
        acc5_12 += a5 * v6;
        acc5_13 += a5 * v7;
        acc5_14 += a5 * v8;
        acc5_15 += a5 * v9;
        acc6_8 += a6 * v2;
        acc6_9 += a6 * v3;
        acc6_10 += a6 * v4;
        acc6_11 += a6 * v5;
        acc6_12 += a6 * v6;
        acc6_13 += a6 * v7;
        acc6_14 += a6 * v8;
        acc6_15 += a6 * v9;
        acc7_8 += a7 * v2;
        acc7_9 += a7 * v3;
        acc7_10 += a7 * v4;
        acc7_11 += a7 * v5;
        acc7_12 += a7 * v6;
        acc7_13 += a7 * v7;
        acc7_14 += a7 * v8;
        acc7_15 += a7 * v9;
      }
    }
    {
      let iy = i32(oy0) + 2i;
      let row_ok = u32(iy) < 32u;
      let x_row = x_plane + select(0i, iy, row_ok) * 32i;
      let v0 = select(0.0f, f32(x[u32(x_row + col_at0)]), row_ok && col_ok0);
      let v1 = select(0.0f, f32(x[u32(x_row + col_at1)]), row_ok && col_ok1);
      let v2 = select(0.0f, f32(x[u32(x_row + col_at2)]), row_ok && col_ok2);
      let v3 = select(0.0f, f32(x[u32(x_row + col_at3)]), row_ok && col_ok3);
      let v4 = select(0.0f, f32(x[u32(x_row + col_at4)]), row_ok && col_ok4);
      let v5 = select(0.0f, f32(x[u32(x_row + col_at5)]), row_ok && col_ok5);
      let v6 = select(0.0f, f32(x[u32(x_row + col_at6)]), row_ok && col_ok6);
      let v7 = select(0.0f, f32(x[u32(x_row + col_at7)]), row_ok && col_ok7);
      let v8 = select(0.0f, f32(x[u32(x_row + col_at8)]), row_ok && col_ok8);
      let v9 = select(0.0f, f32(x[u32(x_row + col_at9)]), row_ok && col_ok9);
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 6u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 6u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 6u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 6u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 6u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 6u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 6u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 6u]);
        acc0_8 += a0 * v0;
        acc0_9 += a0 * v1;
        acc0_10 += a0 * v2;
        acc0_11 += a0 * v3;
        acc0_12 += a0 * v4;
        acc0_13 += a0 * v5;
        acc0_14 += a0 * v6;
        acc0_15 += a0 * v7;
        acc1_8 += a1 * v0;
        acc1_9 += a1 * v1;
        acc1_10 += a1 * v2;
        acc1_11 += a1 * v3;
        acc1_12 += a1 * v4;
        acc1_13 += a1 * v5;
        acc1_14 += a1 * v6;
        acc1_15 += a1 * v7;
        acc2_8 += a2 * v0;
        acc2_9 += a2 * v1;
        acc2_10 += a2 * v2;
        acc2_11 += a2 * v3;
        acc2_12 += a2 * v4;
        acc2_13 += a2 * v5;
        acc2_14 += a2 * v6;
        acc2_15 += a2 * v7;
        acc3_8 += a3 * v0;
        acc3_9 += a3 * v1;
        acc3_10 += a3 * v2;
        acc3_11 += a3 * v3;
        acc3_12 += a3 * v4;
        acc3_13 += a3 * v5;
        acc3_14 += a3 * v6;
        acc3_15 += a3 * v7;
        acc4_8 += a4 * v0;
        acc4_9 += a4 * v1;
        acc4_10 += a4 * v2;
        acc4_11 += a4 * v3;
        acc4_12 += a4 * v4;
        acc4_13 += a4 * v5;
        acc4_14 += a4 * v6;
        acc4_15 += a4 * v7;
        acc5_8 += a5 * v0;
        acc5_9 += a5 * v1;
        acc5_10 += a5 * v2;
        acc5_11 += a5 * v3;
        acc5_12 += a5 * v4;
        acc5_13 += a5 * v5;
        acc5_14 += a5 * v6;
        acc5_15 += a5 * v7;
        acc6_8 += a6 * v0;
        acc6_9 += a6 * v1;
        acc6_10 += a6 * v2;
        acc6_11 += a6 * v3;
        acc6_12 += a6 * v4;
        acc6_13 += a6 * v5;
        acc6_14 += a6 * v6;
        acc6_15 += a6 * v7;
        acc7_8 += a7 * v0;
        acc7_9 += a7 * v1;
        acc7_10 += a7 * v2;
        acc7_11 += a7 * v3;
        acc7_12 += a7 * v4;
        acc7_13 += a7 * v5;
        acc7_14 += a7 * v6;
        acc7_15 += a7 * v7;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 7u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 7u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 7u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 7u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 7u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 7u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 7u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 7u]);
        acc0_8 += a0 * v1;
        acc0_9 += a0 * v2;
        acc0_10 += a0 * v3;
        acc0_11 += a0 * v4;
        acc0_12 += a0 * v5;
        acc0_13 += a0 * v6;
        acc0_14 += a0 * v7;
        acc0_15 += a0 * v8;
        acc1_8 += a1 * v1;
        acc1_9 += a1 * v2;
        acc1_10 += a1 * v3;
        acc1_11 += a1 * v4;
        acc1_12 += a1 * v5;
        acc1_13 += a1 * v6;
        acc1_14 += a1 * v7;
        acc1_15 += a1 * v8;
        acc2_8 += a2 * v1;
        acc2_9 += a2 * v2;
        acc2_10 += a2 * v3;
        acc2_11 += a2 * v4;
        acc2_12 += a2 * v5;
        acc2_13 += a2 * v6;
        acc2_14 += a2 * v7;
        acc2_15 += a2 * v8;
        acc3_8 += a3 * v1;
        acc3_9 += a3 * v2;
        acc3_10 += a3 * v3;
        acc3_11 += a3 * v4;
        acc3_12 += a3 * v5;
        acc3_13 += a3 * v6;
        acc3_14 += a3 * v7;
        acc3_15 += a3 * v8;
        acc4_8 += a4 * v1;
        acc4_9 += a4 * v2;
        acc4_10 += a4 * v3;
        acc4_11 += a4 * v4;
        acc4_12 += a4 * v5;
        acc4_13 += a4 * v6;
        acc4_14 += a4 * v7;
        acc4_15 += a4 * v8;
        acc5_8 += a5 * v1;
        acc5_9 += a5 * v2;
        acc5_10 += a5 * v3;
        acc5_11 += a5 * v4;
        acc5_12 += a5 * v5;
        acc5_13 += a5 * v6;
        acc5_14 += a5 * v7;
        acc5_15 += a5 * v8;
        acc6_8 += a6 * v1;
        acc6_9 += a6 * v2;
        acc6_10 += a6 * v3;
        acc6_11 += a6 * v4;
        acc6_12 += a6 * v5;
        acc6_13 += a6 * v6;
        acc6_14 += a6 * v7;
        acc6_15 += a6 * v8;
        acc7_8 += a7 * v1;
        acc7_9 += a7 * v2;
        acc7_10 += a7 * v3;
        acc7_11 += a7 * v4;
        acc7_12 += a7 * v5;
        acc7_13 += a7 * v6;
        acc7_14 += a7 * v7;
        acc7_15 += a7 * v8;
      }
      {
        let a0 = f32(wt[w_off0 + ci * 9u + 8u]);
        let a1 = f32(wt[w_off1 + ci * 9u + 8u]);
        let a2 = f32(wt[w_off2 + ci * 9u + 8u]);
        let a3 = f32(wt[w_off3 + ci * 9u + 8u]);
        let a4 = f32(wt[w_off4 + ci * 9u + 8u]);
        let a5 = f32(wt[w_off5 + ci * 9u + 8u]);
        let a6 = f32(wt[w_off6 + ci * 9u + 8u]);
        let a7 = f32(wt[w_off7 + ci * 9u + 8u]);
        acc0_8 += a0 * v2;
        acc0_9 += a0 * v3;
        acc0_10 += a0 * v4;
        acc0_11 += a0 * v5;
        acc0_12 += a0 * v6;
        acc0_13 += a0 * v7;
        acc0_14 += a0 * v8;
        acc0_15 += a0 * v9;
        acc1_8 += a1 * v2;
        acc1_9 += a1 * v3;
        acc1_10 += a1 * v4;
        acc1_11 += a1 * v5;
        acc1_12 += a1 * v6;
        acc1_13 += a1 * v7;
        acc1_14 += a1 * v8;
        acc1_15 += a1 * v9;
        acc2_8 += a2 * v2;
        acc2_9 += a2 * v3;
        acc2_10 += a2 * v4;
        acc2_11 += a2 * v5;
        acc2_12 += a2 * v6;
        acc2_13 += a2 * v7;
        acc2_14 += a2 * v8;
        acc2_15 += a2 * v9;
        acc3_8 += a3 * v2;
        acc3_9 += a3 * v3;
        acc3_10 += a3 * v4;
        acc3_11 += a3 * v5;
        acc3_12 += a3 * v6;
        acc3_13 += a3 * v7;
        acc3_14 += a3 * v8;
        acc3_15 += a3 * v9;
        acc4_8 += a4 * v2;
        acc4_9 += a4 * v3;
        acc4_10 += a4 * v4;
        acc4_11 += a4 * v5;
        acc4_12 += a4 * v6;
        acc4_13 += a4 * v7;
        acc4_14 += a4 * v8;
        acc4_15 += a4 * v9;
        acc5_8 += a5 * v2;
        acc5_9 += a5 * v3;
        acc5_10 += a5 * v4;
        acc5_11 += a5 * v5;
        acc5_12 += a5 * v6;
        acc5_13 += a5 * v7;
        acc5_14 += a5 * v8;
        acc5_15 += a5 * v9;
        acc6_8 += a6 * v2;
        acc6_9 += a6 * v3;
        acc6_10 += a6 * v4;
        acc6_11 += a6 * v5;
        acc6_12 += a6 * v6;
        acc6_13 += a6 * v7;
        acc6_14 += a6 * v8;
        acc6_15 += a6 * v9;
        acc7_8 += a7 * v2;
        acc7_9 += a7 * v3;
        acc7_10 += a7 * v4;
        acc7_11 += a7 * v5;
        acc7_12 += a7 * v6;
        acc7_13 += a7 * v7;
        acc7_14 += a7 * v8;
        acc7_15 += a7 * v9;
      }
    }
  }
  if (seg_raw < 128u) {
    let out_row = (img * 8u) * 1024u + oy0 * 32u + ox0;
    if (o_base + 0u < 8u) {
      {
        var r = acc0_0;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 0u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc0_1;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 1u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc0_2;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 2u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc0_3;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 3u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc0_4;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 4u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc0_5;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 5u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc0_6;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 6u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc0_7;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 7u] = f16(r);
      }
      {
        var r = acc0_8;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 32u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc0_9;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 33u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc0_10;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 34u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc0_11;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 35u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc0_12;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 36u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc0_13;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 37u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc0_14;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 38u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc0_15;
        r += ep0_bias[o_base];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 0u) * 1024u + 39u] = f16(r);
      }
    }
    if (o_base + 1u < 8u) {
      {
        var r = acc1_0;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 0u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc1_1;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 1u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc1_2;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 2u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc1_3;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 3u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc1_4;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 4u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc1_5;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 5u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc1_6;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 6u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc1_7;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 7u] = f16(r);
      }
      {
        var r = acc1_8;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 32u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc1_9;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 33u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc1_10;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 34u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc1_11;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 35u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc1_12;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 36u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc1_13;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 37u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc1_14;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 38u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc1_15;
        r += ep0_bias[o_base + 1u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 1u) * 1024u + 39u] = f16(r);
      }
    }
    if (o_base + 2u < 8u) {
      {
        var r = acc2_0;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 0u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc2_1;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 1u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc2_2;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 2u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc2_3;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 3u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc2_4;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 4u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc2_5;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 5u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc2_6;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 6u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc2_7;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 7u] = f16(r);
      }
      {
        var r = acc2_8;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 32u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc2_9;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 33u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc2_10;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 34u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc2_11;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 35u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc2_12;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 36u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc2_13;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 37u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc2_14;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 38u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc2_15;
        r += ep0_bias[o_base + 2u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 2u) * 1024u + 39u] = f16(r);
      }
    }
    if (o_base + 3u < 8u) {
      {
        var r = acc3_0;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 0u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc3_1;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 1u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc3_2;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 2u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc3_3;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 3u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc3_4;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 4u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc3_5;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 5u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc3_6;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 6u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc3_7;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 7u] = f16(r);
      }
      {
        var r = acc3_8;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 32u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc3_9;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 33u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc3_10;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 34u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc3_11;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 35u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc3_12;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 36u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc3_13;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 37u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc3_14;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 38u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc3_15;
        r += ep0_bias[o_base + 3u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 3u) * 1024u + 39u] = f16(r);
      }
    }
    if (o_base + 4u < 8u) {
      {
        var r = acc4_0;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 0u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc4_1;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 1u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc4_2;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 2u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc4_3;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 3u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc4_4;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 4u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc4_5;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 5u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc4_6;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 6u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc4_7;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 7u] = f16(r);
      }
      {
        var r = acc4_8;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 32u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc4_9;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 33u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc4_10;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 34u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc4_11;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 35u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc4_12;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 36u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc4_13;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 37u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc4_14;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 38u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc4_15;
        r += ep0_bias[o_base + 4u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 4u) * 1024u + 39u] = f16(r);
      }
    }
    if (o_base + 5u < 8u) {
      {
        var r = acc5_0;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 0u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc5_1;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 1u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc5_2;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 2u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc5_3;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 3u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc5_4;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 4u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc5_5;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 5u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc5_6;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 6u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc5_7;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 7u] = f16(r);
      }
      {
        var r = acc5_8;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 32u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc5_9;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 33u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc5_10;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 34u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc5_11;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 35u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc5_12;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 36u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc5_13;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 37u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc5_14;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 38u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc5_15;
        r += ep0_bias[o_base + 5u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 5u) * 1024u + 39u] = f16(r);
      }
    }
    if (o_base + 6u < 8u) {
      {
        var r = acc6_0;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 0u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc6_1;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 1u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc6_2;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 2u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc6_3;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 3u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc6_4;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 4u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc6_5;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 5u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc6_6;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 6u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc6_7;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 7u] = f16(r);
      }
      {
        var r = acc6_8;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 32u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc6_9;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 33u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc6_10;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 34u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc6_11;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 35u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc6_12;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 36u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc6_13;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 37u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc6_14;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 38u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc6_15;
        r += ep0_bias[o_base + 6u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 6u) * 1024u + 39u] = f16(r);
      }
    }
    if (o_base + 7u < 8u) {
      {
        var r = acc7_0;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 0u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc7_1;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 1u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc7_2;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 2u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc7_3;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 3u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc7_4;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 4u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc7_5;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 5u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc7_6;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 6u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc7_7;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 7u] = f16(r);
      }
      {
        var r = acc7_8;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 32u] = f16(r);
      }
      if (ox0 + 1u < 32u) {
        var r = acc7_9;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 33u] = f16(r);
      }
      if (ox0 + 2u < 32u) {
        var r = acc7_10;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 34u] = f16(r);
      }
      if (ox0 + 3u < 32u) {
        var r = acc7_11;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 35u] = f16(r);
      }
      if (ox0 + 4u < 32u) {
        var r = acc7_12;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 36u] = f16(r);
      }
      if (ox0 + 5u < 32u) {
        var r = acc7_13;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 37u] = f16(r);
      }
      if (ox0 + 6u < 32u) {
        var r = acc7_14;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 38u] = f16(r);
      }
      if (ox0 + 7u < 32u) {
        var r = acc7_15;
        r += ep0_bias[o_base + 7u];
        r = select(r, 0.0f, r < 0.0f);
        y[out_row + (o_base + 7u) * 1024u + 39u] = f16(r);
      }
    }
  }
}
