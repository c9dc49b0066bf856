// spec: {"c":64,"epilogue":[{"op":"relu_grad"}],"f16":[0,1,2,3],"flip":true,"h":2,"k":3,"kind":"conv","n":2,"o":64,"pad":1,"tile":{"bk":16,"bm":64,"bn":64,"ks":1,"tm":4,"tn":4,"variant":"workgroup"},"w":2}
// conv workgroup 4x4: workgroup size 16x16x1, 1x1x1 workgroups, 16384 bytes of workgroup memory
// bindings: x:read:f16, wt:read:f16, ep0_mask:read:f16, y:read_write:f16
// conv 2x64x2x2 -> 64 k3 pad1 flip (workgroup)
enable f16;
@group(0) @binding(0) var<storage, read> x: array<f16>;
@group(0) @binding(1) var<storage, read> wt: array<f16>;
@group(0) @binding(2) var<storage, read> ep0_mask: array<f16>;
@group(0) @binding(3) var<storage, read_write> y: array<f16>;

var<workgroup> tile_a: array<f32, 2048>;
var<workgroup> tile_b: array<f32, 2048>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let block_row = 0u;
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f;
  var tile_a_pf0 = 0.0f;
  var tile_a_pf1 = 0.0f;
  var tile_a_pf2 = 0.0f;
  var tile_a_pf3 = 0.0f;
  var tile_b_pf0 = 0.0f;
  var tile_b_pf1 = 0.0f;
  var tile_b_pf2 = 0.0f;
  var tile_b_pf3 = 0.0f;
  {
    let e = li + 0u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min(mn_l, 63u);
    let k_c = min(k_l, 575u);
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_a_pf0 = select(0.0f, f32(wt[(((ci_k * 64u) + mn_c) * 9u) + (8u - r_k)]), ((mn_l < 64u) && (k_l < 576u)));
  }
  {
    let e = li + 256u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min(mn_l, 63u);
    let k_c = min(k_l, 575u);
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_a_pf1 = select(0.0f, f32(wt[(((ci_k * 64u) + mn_c) * 9u) + (8u - r_k)]), ((mn_l < 64u) && (k_l < 576u)));
  }
  {
    let e = li + 512u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min(mn_l, 63u);
    let k_c = min(k_l, 575u);
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_a_pf2 = select(0.0f, f32(wt[(((ci_k * 64u) + mn_c) * 9u) + (8u - r_k)]), ((mn_l < 64u) && (k_l < 576u)));
  }
  {
    let e = li + 768u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min(mn_l, 63u);
    let k_c = min(k_l, 575u);
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_a_pf3 = select(0.0f, f32(wt[(((ci_k * 64u) + mn_c) * 9u) + (8u - r_k)]), ((mn_l < 64u) && (k_l < 576u)));
  }
  {
    let e = li + 0u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min(mn_l, 7u);
    let k_c = min(k_l, 575u);
    let img_mn = mn_c / 4u;
    let rem_mn = mn_c % 4u;
    let oy_mn = i32((rem_mn / 2u));
    let ox_mn = i32((rem_mn % 2u));
    let xb_mn = img_mn * 256u;
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_b_pf0 = select(0.0f, select(0.0f, f32(x[select(0u, ((xb_mn + (ci_k * 4u)) + u32((((oy_mn + (ky_k - 1i)) * 2i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i))))]), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i)))), ((mn_l < 8u) && (k_l < 576u)));
  }
  {
    let e = li + 256u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min(mn_l, 7u);
    let k_c = min(k_l, 575u);
    let img_mn = mn_c / 4u;
    let rem_mn = mn_c % 4u;
    let oy_mn = i32((rem_mn / 2u));
    let ox_mn = i32((rem_mn % 2u));
    let xb_mn = img_mn * 256u;
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_b_pf1 = select(0.0f, select(0.0f, f32(x[select(0u, ((xb_mn + (ci_k * 4u)) + u32((((oy_mn + (ky_k - 1i)) * 2i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i))))]), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i)))), ((mn_l < 8u) && (k_l < 576u)));
  }
  {
    let e = li + 512u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min(mn_l, 7u);
    let k_c = min(k_l, 575u);
    let img_mn = mn_c / 4u;
    let rem_mn = mn_c % 4u;
    let oy_mn = i32((rem_mn / 2u));
    let ox_mn = i32((rem_mn % 2u));
    let xb_mn = img_mn * 256u;
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_b_pf2 = select(0.0f, select(0.0f, f32(x[select(0u, ((xb_mn + (ci_k * 4u)) + u32((((oy_mn + (ky_k - 1i)) * 2i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i))))]), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i)))), ((mn_l < 8u) && (k_l < 576u)));
  }
  {
    let e = li + 768u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min(mn_l, 7u);
    let k_c = min(k_l, 575u);
    let img_mn = mn_c / 4u;
    let rem_mn = mn_c % 4u;
    let oy_mn = i32((rem_mn / 2u));
    let ox_mn = i32((rem_mn % 2u));
    let xb_mn = img_mn * 256u;
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_b_pf3 = select(0.0f, select(0.0f, f32(x[select(0u, ((xb_mn + (ci_k * 4u)) + u32((((oy_mn + (ky_k - 1i)) * 2i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i))))]), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i)))), ((mn_l < 8u) && (k_l < 576u)));
  }
  {
    let e = li + 0u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    tile_a[k_l * 64u + mn_l] = tile_a_pf0;
  }
  {
    let e = li + 256u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    tile_a[k_l * 64u + mn_l] = tile_a_pf1;
  }
  {
    let e = li + 512u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    tile_a[k_l * 64u + mn_l] = tile_a_pf2;
  }
  {
    let e = li + 768u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    tile_a[k_l * 64u + mn_l] = tile_a_pf3;
  }
  {
    let e = li + 0u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    tile_b[k_l * 64u + mn_l] = tile_b_pf0;
  }
  {
    let e = li + 256u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    tile_b[k_l * 64u + mn_l] = tile_b_pf1;
  }
  {
    let e = li + 512u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    tile_b[k_l * 64u + mn_l] = tile_b_pf2;
  }
  {
    let e = li + 768u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    tile_b[k_l * 64u + mn_l] = tile_b_pf3;
  }
  workgroupBarrier();
  for (var t = 0u; t < 36u; t++) {
    if (t + 1u < 36u) {
      {
        let e = li + 0u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min(mn_l, 63u);
        let k_c = min((((t + 1u) * 16u) + k_l), 575u);
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_a_pf0 = select(0.0f, f32(wt[(((ci_k * 64u) + mn_c) * 9u) + (8u - r_k)]), ((mn_l < 64u) && ((((t + 1u) * 16u) + k_l) < 576u)));
      }
      {
        let e = li + 256u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min(mn_l, 63u);
        let k_c = min((((t + 1u) * 16u) + k_l), 575u);
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_a_pf1 = select(0.0f, f32(wt[(((ci_k * 64u) + mn_c) * 9u) + (8u - r_k)]), ((mn_l < 64u) && ((((t + 1u) * 16u) + k_l) < 576u)));
      }
      {
        let e = li + 512u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min(mn_l, 63u);
        let k_c = min((((t + 1u) * 16u) + k_l), 575u);
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_a_pf2 = select(0.0f, f32(wt[(((ci_k * 64u) + mn_c) * 9u) + (8u - r_k)]), ((mn_l < 64u) && ((((t + 1u) * 16u) + k_l) < 576u)));
      }
      {
        let e = li + 768u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min(mn_l, 63u);
        let k_c = min((((t + 1u) * 16u) + k_l), 575u);
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_a_pf3 = select(0.0f, f32(wt[(((ci_k * 64u) + mn_c) * 9u) + (8u - r_k)]), ((mn_l < 64u) && ((((t + 1u) * 16u) + k_l) < 576u)));
      }
      {
        let e = li + 0u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min(mn_l, 7u);
        let k_c = min((((t + 1u) * 16u) + k_l), 575u);
        let img_mn = mn_c / 4u;
        let rem_mn = mn_c % 4u;
        let oy_mn = i32((rem_mn / 2u));
        let ox_mn = i32((rem_mn % 2u));
        let xb_mn = img_mn * 256u;
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_b_pf0 = select(0.0f, select(0.0f, f32(x[select(0u, ((xb_mn + (ci_k * 4u)) + u32((((oy_mn + (ky_k - 1i)) * 2i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i))))]), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i)))), ((mn_l < 8u) && ((((t + 1u) * 16u) + k_l) < 576u)));
      }
      {
        let e = li + 256u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min(mn_l, 7u);
        let k_c = min((((t + 1u) * 16u) + k_l), 575u);
        let img_mn = mn_c / 4u;
        let rem_mn = mn_c % 4u;
        let oy_mn = i32((rem_mn / 2u));
        let ox_mn = i32((rem_mn % 2u));
        let xb_mn = img_mn * 256u;
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_b_pf1 = select(0.0f, select(0.0f, f32(x[select(0u, ((xb_mn + (ci_k * 4u)) + u32((((oy_mn + (ky_k - 1i)) * 2i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i))))]), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i)))), ((mn_l < 8u) && ((((t + 1u) * 16u) + k_l) < 576u)));
      }
      {
        let e = li + 512u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min(mn_l, 7u);
        let k_c = min((((t + 1u) * 16u) + k_l), 575u);
        let img_mn = mn_c / 4u;
        let rem_mn = mn_c % 4u;
        let oy_mn = i32((rem_mn / 2u));
        let ox_mn = i32((rem_mn % 2u));
        let xb_mn = img_mn * 256u;
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_b_pf2 = select(0.0f, select(0.0f, f32(x[select(0u, ((xb_mn + (ci_k * 4u)) + u32((((oy_mn + (ky_k - 1i)) * 2i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i))))]), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i)))), ((mn_l < 8u) && ((((t + 1u) * 16u) + k_l) < 576u)));
      }
      {
        let e = li + 768u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min(mn_l, 7u);
        let k_c = min((((t + 1u) * 16u) + k_l), 575u);
        let img_mn = mn_c / 4u;
        let rem_mn = mn_c % 4u;
        let oy_mn = i32((rem_mn / 2u));
        let ox_mn = i32((rem_mn % 2u));
        let xb_mn = img_mn * 256u;
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_b_pf3 = select(0.0f, select(0.0f, f32(x[select(0u, ((xb_mn + (ci_k * 4u)) + u32((((oy_mn + (ky_k - 1i)) * 2i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i))))]), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 2i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 2i)))), ((mn_l < 8u) && ((((t + 1u) * 16u) + k_l) < 576u)));
      }
    }
    let a_base = (t & 1u) * 1024u + lid.y;
    let b_base = (t & 1u) * 1024u + lid.x;
    for (var kl = 0u; kl < 16u; kl++) {
      let a0 = tile_a[a_base + kl * 64u + 0u];
      let a1 = tile_a[a_base + kl * 64u + 16u];
      let a2 = tile_a[a_base + kl * 64u + 32u];
      let a3 = tile_a[a_base + kl * 64u + 48u];
      let b0 = tile_b[b_base + kl * 64u + 0u];
      let b1 = tile_b[b_base + kl * 64u + 16u];
      let b2 = tile_b[b_base + kl * 64u + 32u];
      let b3 = tile_b[b_base + kl * 64u + 48u];
      acc0_0 += a0 * b0;
      acc0_1 += a0 * b1;
      acc0_2 += a0 * b2;
      acc0_3 += a0 * b3;
      acc1_0 += a1 * b0;
      acc1_1 += a1 * b1;
      acc1_2 += a1 * b2;
      acc1_3 += a1 * b3;
      acc2_0 += a2 * b0;
      acc2_1 += a2 * b1;
      acc2_2 += a2 * b2;
      acc2_3 += a2 * b3;
      acc3_0 += a3 * b0;
      acc3_1 += a3 * b1;
      acc3_2 += a3 * b2;
      acc3_3 += a3 * b3;
    }
    if (t + 1u < 36u) {
      {
        let e = li + 0u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        tile_a[(((t + 1u) & 1u) * 1024u) + (k_l * 64u + mn_l)] = tile_a_pf0;
      }
      {
        let e = li + 256u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        tile_a[(((t + 1u) & 1u) * 1024u) + (k_l * 64u + mn_l)] = tile_a_pf1;
      }
      {
        let e = li + 512u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        tile_a[(((t + 1u) & 1u) * 1024u) + (k_l * 64u + mn_l)] = tile_a_pf2;
      }
      {
        let e = li + 768u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        tile_a[(((t + 1u) & 1u) * 1024u) + (k_l * 64u + mn_l)] = tile_a_pf3;
      }
      {
        let e = li + 0u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        tile_b[(((t + 1u) & 1u) * 1024u) + (k_l * 64u + mn_l)] = tile_b_pf0;
      }
      {
        let e = li + 256u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        tile_b[(((t + 1u) & 1u) * 1024u) + (k_l * 64u + mn_l)] = tile_b_pf1;
      }
      {
        let e = li + 512u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        tile_b[(((t + 1u) & 1u) * 1024u) + (k_l * 64u + mn_l)] = tile_b_pf2;
      }
      {
        let e = li + 768u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        tile_b[(((t + 1u) & 1u) * 1024u) + (k_l * 64u + mn_l)] = tile_b_pf3;
      }
    }
    workgroupBarrier();
  }
  let row0 = lid.y;
  let row1 = lid.y + 16u;
  let row2 = lid.y + 32u;
  let row3 = lid.y + 48u;
  let col0 = min(lid.x, 7u);
  let img_c0 = col0 / 4u;
  let rem_c0 = col0 % 4u;
  let oy_c0 = i32((rem_c0 / 2u));
  let ox_c0 = i32((rem_c0 % 2u));
  let xb_c0 = img_c0 * 256u;
  let col1 = min((lid.x + 16u), 7u);
  let img_c1 = col1 / 4u;
  let rem_c1 = col1 % 4u;
  let oy_c1 = i32((rem_c1 / 2u));
  let ox_c1 = i32((rem_c1 % 2u));
  let xb_c1 = img_c1 * 256u;
  let col2 = min((lid.x + 32u), 7u);
  let img_c2 = col2 / 4u;
  let rem_c2 = col2 % 4u;
  let oy_c2 = i32((rem_c2 / 2u));
  let ox_c2 = i32((rem_c2 % 2u));
  let xb_c2 = img_c2 * 256u;
  let col3 = min((lid.x + 48u), 7u);
  let img_c3 = col3 / 4u;
  let rem_c3 = col3 % 4u;
  let oy_c3 = i32((rem_c3 / 2u));
  let ox_c3 = i32((rem_c3 % 2u));
  let xb_c3 = img_c3 * 256u;
  {
    if (lid.x < 8u) {
      var r = acc0_0;
      r = select(0.0f, r, f32(ep0_mask[(((img_c0 * 64u) + row0) * 4u) + rem_c0]) > 0.0f);
      y[(((img_c0 * 64u) + row0) * 4u) + rem_c0] = f16(r);
    }
    if ((lid.x + 16u) < 8u) {
      var r = acc0_1;
      r = select(0.0f, r, f32(ep0_mask[(((img_c1 * 64u) + row0) * 4u) + rem_c1]) > 0.0f);
      y[(((img_c1 * 64u) + row0) * 4u) + rem_c1] = f16(r);
    }
    if ((lid.x + 32u) < 8u) {
      var r = acc0_2;
      r = select(0.0f, r, f32(ep0_mask[(((img_c2 * 64u) + row0) * 4u) + rem_c2]) > 0.0f);
      y[(((img_c2 * 64u) + row0) * 4u) + rem_c2] = f16(r);
    }
    if ((lid.x + 48u) < 8u) {
      var r = acc0_3;
      r = select(0.0f, r, f32(ep0_mask[(((img_c3 * 64u) + row0) * 4u) + rem_c3]) > 0.0f);
      y[(((img_c3 * 64u) + row0) * 4u) + rem_c3] = f16(r);
    }
  }
  {
    if (lid.x < 8u) {
      var r = acc1_0;
      r = select(0.0f, r, f32(ep0_mask[(((img_c0 * 64u) + row1) * 4u) + rem_c0]) > 0.0f);
      y[(((img_c0 * 64u) + row1) * 4u) + rem_c0] = f16(r);
    }
    if ((lid.x + 16u) < 8u) {
      var r = acc1_1;
      r = select(0.0f, r, f32(ep0_mask[(((img_c1 * 64u) + row1) * 4u) + rem_c1]) > 0.0f);
      y[(((img_c1 * 64u) + row1) * 4u) + rem_c1] = f16(r);
    }
    if ((lid.x + 32u) < 8u) {
      var r = acc1_2;
      r = select(0.0f, r, f32(ep0_mask[(((img_c2 * 64u) + row1) * 4u) + rem_c2]) > 0.0f);
      y[(((img_c2 * 64u) + row1) * 4u) + rem_c2] = f16(r);
    }
    if ((lid.x + 48u) < 8u) {
      var r = acc1_3;
      r = select(0.0f, r, f32(ep0_mask[(((img_c3 * 64u) + row1) * 4u) + rem_c3]) > 0.0f);
      y[(((img_c3 * 64u) + row1) * 4u) + rem_c3] = f16(r);
    }
  }
  {
    if (lid.x < 8u) {
      var r = acc2_0;
      r = select(0.0f, r, f32(ep0_mask[(((img_c0 * 64u) + row2) * 4u) + rem_c0]) > 0.0f);
      y[(((img_c0 * 64u) + row2) * 4u) + rem_c0] = f16(r);
    }
    if ((lid.x + 16u) < 8u) {
      var r = acc2_1;
      r = select(0.0f, r, f32(ep0_mask[(((img_c1 * 64u) + row2) * 4u) + rem_c1]) > 0.0f);
      y[(((img_c1 * 64u) + row2) * 4u) + rem_c1] = f16(r);
    }
    if ((lid.x + 32u) < 8u) {
      var r = acc2_2;
      r = select(0.0f, r, f32(ep0_mask[(((img_c2 * 64u) + row2) * 4u) + rem_c2]) > 0.0f);
      y[(((img_c2 * 64u) + row2) * 4u) + rem_c2] = f16(r);
    }
    if ((lid.x + 48u) < 8u) {
      var r = acc2_3;
      r = select(0.0f, r, f32(ep0_mask[(((img_c3 * 64u) + row2) * 4u) + rem_c3]) > 0.0f);
      y[(((img_c3 * 64u) + row2) * 4u) + rem_c3] = f16(r);
    }
  }
  {
    if (lid.x < 8u) {
      var r = acc3_0;
      r = select(0.0f, r, f32(ep0_mask[(((img_c0 * 64u) + row3) * 4u) + rem_c0]) > 0.0f);
      y[(((img_c0 * 64u) + row3) * 4u) + rem_c0] = f16(r);
    }
    if ((lid.x + 16u) < 8u) {
      var r = acc3_1;
      r = select(0.0f, r, f32(ep0_mask[(((img_c1 * 64u) + row3) * 4u) + rem_c1]) > 0.0f);
      y[(((img_c1 * 64u) + row3) * 4u) + rem_c1] = f16(r);
    }
    if ((lid.x + 32u) < 8u) {
      var r = acc3_2;
      r = select(0.0f, r, f32(ep0_mask[(((img_c2 * 64u) + row3) * 4u) + rem_c2]) > 0.0f);
      y[(((img_c2 * 64u) + row3) * 4u) + rem_c2] = f16(r);
    }
    if ((lid.x + 48u) < 8u) {
      var r = acc3_3;
      r = select(0.0f, r, f32(ep0_mask[(((img_c3 * 64u) + row3) * 4u) + rem_c3]) > 0.0f);
      y[(((img_c3 * 64u) + row3) * 4u) + rem_c3] = f16(r);
    }
  }
}
