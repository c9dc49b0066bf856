// spec: {"c":64,"epilogue":[{"op":"relu_grad"}],"flip":true,"h":2,"k":3,"kind":"conv","n":2,"o":64,"pad":1,"tile":{"bk":4,"bm":64,"bn":8,"ks":1,"tm":8,"tn":8,"variant":"register"},"w":2}
// conv register 8x8: workgroup size 1x8x1, 1x1x1 workgroups, 0 bytes of workgroup memory
// bindings: x:read:f32, wt:read:f32, ep0_mask:read:f32, y:read_write:f32
// conv 2x64x2x2 -> 64 k3 pad1 flip (register)
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> wt: array<f32>;
@group(0) @binding(2) var<storage, read> ep0_mask: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(1, 8, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let block_row = 0u;
  let r_base = lid.y * 8u;
  let c_base = lid.x * 8u;
  let w_off0 = min(r_base + 0u, 63u) * 9u;
  let w_off1 = min(r_base + 1u, 63u) * 9u;
  let w_off2 = min(r_base + 2u, 63u) * 9u;
  let w_off3 = min(r_base + 3u, 63u) * 9u;
  let w_off4 = min(r_base + 4u, 63u) * 9u;
  let w_off5 = min(r_base + 5u, 63u) * 9u;
  let w_off6 = min(r_base + 6u, 63u) * 9u;
  let w_off7 = min(r_base + 7u, 63u) * 9u;
  let img_p0 = min(c_base + 0u, 7u) / 4u;
  let rem_p0 = min(c_base + 0u, 7u) % 4u;
  let oy_p0 = i32((rem_p0 / 2u));
  let ox_p0 = i32((rem_p0 % 2u));
  let xb_p0 = img_p0 * 256u;
  let pix0 = i32(xb_p0) + oy_p0 * 2i + ox_p0;
  let img_p1 = min(c_base + 1u, 7u) / 4u;
  let rem_p1 = min(c_base + 1u, 7u) % 4u;
  let oy_p1 = i32((rem_p1 / 2u));
  let ox_p1 = i32((rem_p1 % 2u));
  let xb_p1 = img_p1 * 256u;
  let pix1 = i32(xb_p1) + oy_p1 * 2i + ox_p1;
  let img_p2 = min(c_base + 2u, 7u) / 4u;
  let rem_p2 = min(c_base + 2u, 7u) % 4u;
  let oy_p2 = i32((rem_p2 / 2u));
  let ox_p2 = i32((rem_p2 % 2u));
  let xb_p2 = img_p2 * 256u;
  let pix2 = i32(xb_p2) + oy_p2 * 2i + ox_p2;
  let img_p3 = min(c_base + 3u, 7u) / 4u;
  let rem_p3 = min(c_base + 3u, 7u) % 4u;
  let oy_p3 = i32((rem_p3 / 2u));
  let ox_p3 = i32((rem_p3 % 2u));
  let xb_p3 = img_p3 * 256u;
  let pix3 = i32(xb_p3) + oy_p3 * 2i + ox_p3;
  let img_p4 = min(c_base + 4u, 7u) / 4u;
  let rem_p4 = min(c_base + 4u, 7u) % 4u;
  let oy_p4 = i32((rem_p4 / 2u));
  let ox_p4 = i32((rem_p4 % 2u));
  let xb_p4 = img_p4 * 256u;
  let pix4 = i32(xb_p4) + oy_p4 * 2i + ox_p4;
  let img_p5 = min(c_base + 5u, 7u) / 4u;
  let rem_p5 = min(c_base + 5u, 7u) % 4u;
  let oy_p5 = i32((rem_p5 / 2u));
  let ox_p5 = i32((rem_p5 % 2u));
  let xb_p5 = img_p5 * 256u;
  let pix5 = i32(xb_p5) + oy_p5 * 2i + ox_p5;
  let img_p6 = min(c_base + 6u, 7u) / 4u;
  let rem_p6 = min(c_base + 6u, 7u) % 4u;
  let oy_p6 = i32((rem_p6 / 2u));
  let ox_p6 = i32((rem_p6 % 2u));
  let xb_p6 = img_p6 * 256u;
  let pix6 = i32(xb_p6) + oy_p6 * 2i + ox_p6;
  let img_p7 = min(c_base + 7u, 7u) / 4u;
  let rem_p7 = min(c_base + 7u, 7u) % 4u;
  let oy_p7 = i32((rem_p7 / 2u));
  let ox_p7 = i32((rem_p7 % 2u));
  let xb_p7 = img_p7 * 256u;
  let pix7 = i32(xb_p7) + oy_p7 * 2i + ox_p7;
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f;
  var acc4_0 = 0.0f; var acc4_1 = 0.0f; var acc4_2 = 0.0f; var acc4_3 = 0.0f; var acc4_4 = 0.0f; var acc4_5 = 0.0f; var acc4_6 = 0.0f; var acc4_7 = 0.0f;
  var acc5_0 = 0.0f; var acc5_1 = 0.0f; var acc5_2 = 0.0f; var acc5_3 = 0.0f; var acc5_4 = 0.0f; var acc5_5 = 0.0f; var acc5_6 = 0.0f; var acc5_7 = 0.0f;
  var acc6_0 = 0.0f; var acc6_1 = 0.0f; var acc6_2 = 0.0f; var acc6_3 = 0.0f; var acc6_4 = 0.0f; var acc6_5 = 0.0f; var acc6_6 = 0.0f; var acc6_7 = 0.0f;
  var acc7_0 = 0.0f; var acc7_1 = 0.0f; var acc7_2 = 0.0f; var acc7_3 = 0.0f; var acc7_4 = 0.0f; var acc7_5 = 0.0f; var acc7_6 = 0.0f; var acc7_7 = 0.0f;
  for (var ky = 0u; ky < 3u; ky++) {
    let row_ok0 = u32(oy_p0 + i32(ky) - 1i) < 2u;
    let row_ok1 = u32(oy_p1 + i32(ky) - 1i) < 2u;
    let row_ok2 = u32(oy_p2 + i32(ky) - 1i) < 2u;
    let row_ok3 = u32(oy_p3 + i32(ky) - 1i) < 2u;
    let row_ok4 = u32(oy_p4 + i32(ky) - 1i) < 2u;
    let row_ok5 = u32(oy_p5 + i32(ky) - 1i) < 2u;
    let row_ok6 = u32(oy_p6 + i32(ky) - 1i) < 2u;
    let row_ok7 = u32(oy_p7 + i32(ky) - 1i) < 2u;
    for (var kx = 0u; kx < 3u; kx++) {
      let w_k = 8u - (ky * 3u + kx);
      let shift = (i32(ky) - 1i) * 2i + i32(kx) - 1i;
      let ok0 = row_ok0 && u32(ox_p0 + i32(kx) - 1i) < 2u;
      let x_off0 = select(0u, u32(pix0 + shift), ok0);
      let ok1 = row_ok1 && u32(ox_p1 + i32(kx) - 1i) < 2u;
      let x_off1 = select(0u, u32(pix1 + shift), ok1);
      let ok2 = row_ok2 && u32(ox_p2 + i32(kx) - 1i) < 2u;
      let x_off2 = select(0u, u32(pix2 + shift), ok2);
      let ok3 = row_ok3 && u32(ox_p3 + i32(kx) - 1i) < 2u;
      let x_off3 = select(0u, u32(pix3 + shift), ok3);
      let ok4 = row_ok4 && u32(ox_p4 + i32(kx) - 1i) < 2u;
      let x_off4 = select(0u, u32(pix4 + shift), ok4);
      let ok5 = row_ok5 && u32(ox_p5 + i32(kx) - 1i) < 2u;
      let x_off5 = select(0u, u32(pix5 + shift), ok5);
      let ok6 = row_ok6 && u32(ox_p6 + i32(kx) - 1i) < 2u;
      let x_off6 = select(0u, u32(pix6 + shift), ok6);
      let ok7 = row_ok7 && u32(ox_p7 + i32(kx) - 1i) < 2u;
      let x_off7 = select(0u, u32(pix7 + shift), ok7);
      for (var ci = 0u; ci < 64u; ci++) {
        let a0 = wt[w_off0 + ci * 576u + w_k];
        let a1 = wt[w_off1 + ci * 576u + w_k];
        let a2 = wt[w_off2 + ci * 576u + w_k];
        let a3 = wt[w_off3 + ci * 576u + w_k];
        let a4 = wt[w_off4 + ci * 576u + w_k];
        let a5 = wt[w_off5 + ci * 576u + w_k];
        let a6 = wt[w_off6 + ci * 576u + w_k];
        let a7 = wt[w_off7 + ci * 576u + w_k];
        let b0 = select(0.0f, x[x_off0 + ci * 4u], ok0);
        let b1 = select(0.0f, x[x_off1 + ci * 4u], ok1);
        let b2 = select(0.0f, x[x_off2 + ci * 4u], ok2);
        let b3 = select(0.0f, x[x_off3 + ci * 4u], ok3);
        let b4 = select(0.0f, x[x_off4 + ci * 4u], ok4);
        let b5 = select(0.0f, x[x_off5 + ci * 4u], ok5);
        let b6 = select(0.0f, x[x_off6 + ci * 4u], ok6);
        let b7 = select(0.0f, x[x_off7 + ci * 4u], ok7);
        acc0_0 += a0 * b0;
        acc0_1 += a0 * b1;
        acc0_2 += a0 * b2;
        acc0_3 += a0 * b3;
        acc0_4 += a0 * b4;
        acc0_5 += a0 * b5;
        acc0_6 += a0 * b6;
        acc0_7 += a0 * b7;
        acc1_0 += a1 * b0;
        acc1_1 += a1 * b1;
        acc1_2 += a1 * b2;
        acc1_3 += a1 * b3;
        acc1_4 += a1 * b4;
        acc1_5 += a1 * b5;
        acc1_6 += a1 * b6;
        acc1_7 += a1 * b7;
        acc2_0 += a2 * b0;
        acc2_1 += a2 * b1;
        acc2_2 += a2 * b2;
        acc2_3 += a2 * b3;
        acc2_4 += a2 * b4;
        acc2_5 += a2 * b5;
        acc2_6 += a2 * b6;
        acc2_7 += a2 * b7;
        acc3_0 += a3 * b0;
        acc3_1 += a3 * b1;
        acc3_2 += a3 * b2;
        acc3_3 += a3 * b3;
        acc3_4 += a3 * b4;
        acc3_5 += a3 * b5;
        acc3_6 += a3 * b6;
        acc3_7 += a3 * b7;
        acc4_0 += a4 * b0;
        acc4_1 += a4 * b1;
        acc4_2 += a4 * b2;
        acc4_3 += a4 * b3;
        acc4_4 += a4 * b4;
        acc4_5 += a4 * b5;
        acc4_6 += a4 * b6;
        acc4_7 += a4 * b7;
        acc5_0 += a5 * b0;
        acc5_1 += a5 * b1;
        acc5_2 += a5 * b2;
        acc5_3 += a5 * b3;
        acc5_4 += a5 * b4;
        acc5_5 += a5 * b5;
        acc5_6 += a5 * b6;
        acc5_7 += a5 * b7;
        acc6_0 += a6 * b0;
        acc6_1 += a6 * b1;
        acc6_2 += a6 * b2;
        acc6_3 += a6 * b3;
        acc6_4 += a6 * b4;
        acc6_5 += a6 * b5;
        acc6_6 += a6 * b6;
        acc6_7 += a6 * b7;
        acc7_0 += a7 * b0;
        acc7_1 += a7 * b1;
        acc7_2 += a7 * b2;
        acc7_3 += a7 * b3;
        acc7_4 += a7 * b4;
        acc7_5 += a7 * b5;
        acc7_6 += a7 * b6;
        acc7_7 += a7 * b7;
      }
    }
  }
  let row0 = min(r_base, 63u);
  let row1 = min((r_base + 1u), 63u);
  let row2 = min((r_base + 2u), 63u);
  let row3 = min((r_base + 3u), 63u);
  let row4 = min((r_base + 4u), 63u);
  let row5 = min((r_base + 5u), 63u);
  let row6 = min((r_base + 6u), 63u);
  let row7 = min((r_base + 7u), 63u);
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
  if ((r_base + 4u) < 64u) {
    if (c_base < 8u) {
      var r = acc4_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row4) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row4) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc4_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row4) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row4) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc4_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row4) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row4) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc4_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row4) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row4) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc4_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row4) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row4) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc4_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row4) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row4) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc4_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row4) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row4) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc4_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row4) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row4) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 5u) < 64u) {
    if (c_base < 8u) {
      var r = acc5_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row5) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row5) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc5_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row5) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row5) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc5_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row5) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row5) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc5_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row5) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row5) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc5_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row5) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row5) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc5_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row5) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row5) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc5_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row5) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row5) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc5_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row5) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row5) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 6u) < 64u) {
    if (c_base < 8u) {
      var r = acc6_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row6) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row6) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc6_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row6) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row6) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc6_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row6) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row6) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc6_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row6) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row6) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc6_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row6) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row6) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc6_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row6) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row6) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc6_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row6) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row6) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc6_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row6) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row6) * 4u) + rem_c7] = r;
    }
  }
  if ((r_base + 7u) < 64u) {
    if (c_base < 8u) {
      var r = acc7_0;
      r = select(0.0f, r, ep0_mask[(((img_c0 * 64u) + row7) * 4u) + rem_c0] > 0.0f);
      y[(((img_c0 * 64u) + row7) * 4u) + rem_c0] = r;
    }
    if ((c_base + 1u) < 8u) {
      var r = acc7_1;
      r = select(0.0f, r, ep0_mask[(((img_c1 * 64u) + row7) * 4u) + rem_c1] > 0.0f);
      y[(((img_c1 * 64u) + row7) * 4u) + rem_c1] = r;
    }
    if ((c_base + 2u) < 8u) {
      var r = acc7_2;
      r = select(0.0f, r, ep0_mask[(((img_c2 * 64u) + row7) * 4u) + rem_c2] > 0.0f);
      y[(((img_c2 * 64u) + row7) * 4u) + rem_c2] = r;
    }
    if ((c_base + 3u) < 8u) {
      var r = acc7_3;
      r = select(0.0f, r, ep0_mask[(((img_c3 * 64u) + row7) * 4u) + rem_c3] > 0.0f);
      y[(((img_c3 * 64u) + row7) * 4u) + rem_c3] = r;
    }
    if ((c_base + 4u) < 8u) {
      var r = acc7_4;
      r = select(0.0f, r, ep0_mask[(((img_c4 * 64u) + row7) * 4u) + rem_c4] > 0.0f);
      y[(((img_c4 * 64u) + row7) * 4u) + rem_c4] = r;
    }
    if ((c_base + 5u) < 8u) {
      var r = acc7_5;
      r = select(0.0f, r, ep0_mask[(((img_c5 * 64u) + row7) * 4u) + rem_c5] > 0.0f);
      y[(((img_c5 * 64u) + row7) * 4u) + rem_c5] = r;
    }
    if ((c_base + 6u) < 8u) {
      var r = acc7_6;
      r = select(0.0f, r, ep0_mask[(((img_c6 * 64u) + row7) * 4u) + rem_c6] > 0.0f);
      y[(((img_c6 * 64u) + row7) * 4u) + rem_c6] = r;
    }
    if ((c_base + 7u) < 8u) {
      var r = acc7_7;
      r = select(0.0f, r, ep0_mask[(((img_c7 * 64u) + row7) * 4u) + rem_c7] > 0.0f);
      y[(((img_c7 * 64u) + row7) * 4u) + rem_c7] = r;
    }
  }
}
