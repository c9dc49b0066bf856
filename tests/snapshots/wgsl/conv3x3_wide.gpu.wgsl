// spec: {"c":512,"epilogue":[{"op":"bias"},{"op":"relu"}],"flip":false,"h":14,"k":3,"kind":"conv","n":1,"o":512,"pad":1,"tile":{"bk":8,"bm":128,"bn":128,"ks":1,"tm":8,"tn":8,"variant":"workgroup"},"w":14}
// conv workgroup 8x8: workgroup size 16x16x1, 8x1x1 workgroups, 16448 bytes of workgroup memory
// bindings: x:read:f32, wt:read:f32, ep0_bias:read:f32, y:read_write:f32
// conv 1x512x14x14 -> 512 k3 pad1 (workgroup)
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> wt: array<f32>;
@group(0) @binding(2) var<storage, read> ep0_bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

var<workgroup> tile_a: array<f32, 2064>;
var<workgroup> tile_b: array<f32, 2048>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_n = wg.x % 2u;
  let tile_m = wg.x / 2u;
  let block_row = tile_m * 128u;
  let block_col = tile_n * 128u;
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f; var acc0_4 = 0.0f; var acc0_5 = 0.0f; var acc0_6 = 0.0f; var acc0_7 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f; var acc1_4 = 0.0f; var acc1_5 = 0.0f; var acc1_6 = 0.0f; var acc1_7 = 0.0f;
  var acc2_0 = 0.0f; var acc2_1 = 0.0f; var acc2_2 = 0.0f; var acc2_3 = 0.0f; var acc2_4 = 0.0f; var acc2_5 = 0.0f; var acc2_6 = 0.0f; var acc2_7 = 0.0f;
  var acc3_0 = 0.0f; var acc3_1 = 0.0f; var acc3_2 = 0.0f; var acc3_3 = 0.0f; var acc3_4 = 0.0f; var acc3_5 = 0.0f; var acc3_6 = 0.0f; var acc3_7 = 0.0f;
  var acc4_0 = 0.0f; var acc4_1 = 0.0f; var acc4_2 = 0.0f; var acc4_3 = 0.0f; var acc4_4 = 0.0f; var acc4_5 = 0.0f; var acc4_6 = 0.0f; var acc4_7 = 0.0f;
  var acc5_0 = 0.0f; var acc5_1 = 0.0f; var acc5_2 = 0.0f; var acc5_3 = 0.0f; var acc5_4 = 0.0f; var acc5_5 = 0.0f; var acc5_6 = 0.0f; var acc5_7 = 0.0f;
  var acc6_0 = 0.0f; var acc6_1 = 0.0f; var acc6_2 = 0.0f; var acc6_3 = 0.0f; var acc6_4 = 0.0f; var acc6_5 = 0.0f; var acc6_6 = 0.0f; var acc6_7 = 0.0f;
  var acc7_0 = 0.0f; var acc7_1 = 0.0f; var acc7_2 = 0.0f; var acc7_3 = 0.0f; var acc7_4 = 0.0f; var acc7_5 = 0.0f; var acc7_6 = 0.0f; var acc7_7 = 0.0f;
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
    let mn_l = e / 8u;
    let k_l = e % 8u;
    let mn_c = min((block_row + mn_l), 511u);
    let k_c = min(k_l, 4607u);
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_a_pf0 = select(0.0f, wt[(mn_c * 4608u) + k_c], (((block_row + mn_l) < 512u) && (k_l < 4608u)));
  }
  {
    let e = li + 256u;
    let mn_l = e / 8u;
    let k_l = e % 8u;
    let mn_c = min((block_row + mn_l), 511u);
    let k_c = min(k_l, 4607u);
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_a_pf1 = select(0.0f, wt[(mn_c * 4608u) + k_c], (((block_row + mn_l) < 512u) && (k_l < 4608u)));
  }
  {
    let e = li + 512u;
    let mn_l = e / 8u;
    let k_l = e % 8u;
    let mn_c = min((block_row + mn_l), 511u);
    let k_c = min(k_l, 4607u);
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_a_pf2 = select(0.0f, wt[(mn_c * 4608u) + k_c], (((block_row + mn_l) < 512u) && (k_l < 4608u)));
  }
  {
    let e = li + 768u;
    let mn_l = e / 8u;
    let k_l = e % 8u;
    let mn_c = min((block_row + mn_l), 511u);
    let k_c = min(k_l, 4607u);
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_a_pf3 = select(0.0f, wt[(mn_c * 4608u) + k_c], (((block_row + mn_l) < 512u) && (k_l < 4608u)));
  }
  {
    let e = li + 0u;
    let mn_l = e % 128u;
    let k_l = e / 128u;
    let mn_c = min((block_col + mn_l), 195u);
    let k_c = min(k_l, 4607u);
    let img_mn = mn_c / 196u;
    let rem_mn = mn_c % 196u;
    let oy_mn = i32((rem_mn / 14u));
    let ox_mn = i32((rem_mn % 14u));
    let xb_mn = img_mn * 100352u;
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_b_pf0 = select(0.0f, select(0.0f, x[select(0u, ((xb_mn + (ci_k * 196u)) + u32((((oy_mn + (ky_k - 1i)) * 14i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i))))], ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i)))), (((block_col + mn_l) < 196u) && (k_l < 4608u)));
  }
  {
    let e = li + 256u;
    let mn_l = e % 128u;
    let k_l = e / 128u;
    let mn_c = min((block_col + mn_l), 195u);
    let k_c = min(k_l, 4607u);
    let img_mn = mn_c / 196u;
    let rem_mn = mn_c % 196u;
    let oy_mn = i32((rem_mn / 14u));
    let ox_mn = i32((rem_mn % 14u));
    let xb_mn = img_mn * 100352u;
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_b_pf1 = select(0.0f, select(0.0f, x[select(0u, ((xb_mn + (ci_k * 196u)) + u32((((oy_mn + (ky_k - 1i)) * 14i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i))))], ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i)))), (((block_col + mn_l) < 196u) && (k_l < 4608u)));
  }
  {
    let e = li + 512u;
    let mn_l = e % 128u;
    let k_l = e / 128u;
    let mn_c = min((block_col + mn_l), 195u);
    let k_c = min(k_l, 4607u);
    let img_mn = mn_c / 196u;
    let rem_mn = mn_c % 196u;
    let oy_mn = i32((rem_mn / 14u));
    let ox_mn = i32((rem_mn % 14u));
    let xb_mn = img_mn * 100352u;
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_b_pf2 = select(0.0f, select(0.0f, x[select(0u, ((xb_mn + (ci_k * 196u)) + u32((((oy_mn + (ky_k - 1i)) * 14i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i))))], ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i)))), (((block_col + mn_l) < 196u) && (k_l < 4608u)));
  }
  {
    let e = li + 768u;
    let mn_l = e % 128u;
    let k_l = e / 128u;
    let mn_c = min((block_col + mn_l), 195u);
    let k_c = min(k_l, 4607u);
    let img_mn = mn_c / 196u;
    let rem_mn = mn_c % 196u;
    let oy_mn = i32((rem_mn / 14u));
    let ox_mn = i32((rem_mn % 14u));
    let xb_mn = img_mn * 100352u;
    let ci_k = k_c / 9u;
    let r_k = k_c % 9u;
    let ky_k = i32((r_k / 3u));
    let kx_k = i32((r_k % 3u));
    tile_b_pf3 = select(0.0f, select(0.0f, x[select(0u, ((xb_mn + (ci_k * 196u)) + u32((((oy_mn + (ky_k - 1i)) * 14i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i))))], ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i)))), (((block_col + mn_l) < 196u) && (k_l < 4608u)));
  }
  {
    let e = li + 0u;
    let mn_l = e / 8u;
    let k_l = e % 8u;
    tile_a[k_l * 129u + mn_l] = tile_a_pf0;
  }
  {
    let e = li + 256u;
    let mn_l = e / 8u;
    let k_l = e % 8u;
    tile_a[k_l * 129u + mn_l] = tile_a_pf1;
  }
  {
    let e = li + 512u;
    let mn_l = e / 8u;
    let k_l = e % 8u;
    tile_a[k_l * 129u + mn_l] = tile_a_pf2;
  }
  {
    let e = li + 768u;
    let mn_l = e / 8u;
    let k_l = e % 8u;
    tile_a[k_l * 129u + mn_l] = tile_a_pf3;
  }
  {
    let e = li + 0u;
    let mn_l = e % 128u;
    let k_l = e / 128u;
    tile_b[k_l * 128u + mn_l] = tile_b_pf0;
  }
  {
    let e = li + 256u;
    let mn_l = e % 128u;
    let k_l = e / 128u;
    tile_b[k_l * 128u + mn_l] = tile_b_pf1;
  }
  {
    let e = li + 512u;
    let mn_l = e % 128u;
    let k_l = e / 128u;
    tile_b[k_l * 128u + mn_l] = tile_b_pf2;
  }
  {
    let e = li + 768u;
    let mn_l = e % 128u;
    let k_l = e / 128u;
    tile_b[k_l * 128u + mn_l] = tile_b_pf3;
  }
  workgroupBarrier();
  for (var t = 0u; t < 576u; t++) {
    if (t + 1u < 576u) {
      {
        let e = li + 0u;
        let mn_l = e / 8u;
        let k_l = e % 8u;
        let mn_c = min((block_row + mn_l), 511u);
        let k_c = min((((t + 1u) * 8u) + k_l), 4607u);
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_a_pf0 = select(0.0f, wt[(mn_c * 4608u) + k_c], (((block_row + mn_l) < 512u) && ((((t + 1u) * 8u) + k_l) < 4608u)));
      }
      {
        let e = li + 256u;
        let mn_l = e / 8u;
        let k_l = e % 8u;
        let mn_c = min((block_row + mn_l), 511u);
        let k_c = min((((t + 1u) * 8u) + k_l), 4607u);
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_a_pf1 = select(0.0f, wt[(mn_c * 4608u) + k_c], (((block_row + mn_l) < 512u) && ((((t + 1u) * 8u) + k_l) < 4608u)));
      }
      {
        let e = li + 512u;
        let mn_l = e / 8u;
        let k_l = e % 8u;
        let mn_c = min((block_row + mn_l), 511u);
        let k_c = min((((t + 1u) * 8u) + k_l), 4607u);
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_a_pf2 = select(0.0f, wt[(mn_c * 4608u) + k_c], (((block_row + mn_l) < 512u) && ((((t + 1u) * 8u) + k_l) < 4608u)));
      }
      {
        let e = li + 768u;
        let mn_l = e / 8u;
        let k_l = e % 8u;
        let mn_c = min((block_row + mn_l), 511u);
        let k_c = min((((t + 1u) * 8u) + k_l), 4607u);
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_a_pf3 = select(0.0f, wt[(mn_c * 4608u) + k_c], (((block_row + mn_l) < 512u) && ((((t + 1u) * 8u) + k_l) < 4608u)));
      }
      {
        let e = li + 0u;
        let mn_l = e % 128u;
        let k_l = e / 128u;
        let mn_c = min((block_col + mn_l), 195u);
        let k_c = min((((t + 1u) * 8u) + k_l), 4607u);
        let img_mn = mn_c / 196u;
        let rem_mn = mn_c % 196u;
        let oy_mn = i32((rem_mn / 14u));
        let ox_mn = i32((rem_mn % 14u));
        let xb_mn = img_mn * 100352u;
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_b_pf0 = select(0.0f, select(0.0f, x[select(0u, ((xb_mn + (ci_k * 196u)) + u32((((oy_mn + (ky_k - 1i)) * 14i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i))))], ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i)))), (((block_col + mn_l) < 196u) && ((((t + 1u) * 8u) + k_l) < 4608u)));
      }
      {
        let e = li + 256u;
        let mn_l = e % 128u;
        let k_l = e / 128u;
        let mn_c = min((block_col + mn_l), 195u);
        let k_c = min((((t + 1u) * 8u) + k_l), 4607u);
        let img_mn = mn_c / 196u;
        let rem_mn = mn_c % 196u;
        let oy_mn = i32((rem_mn / 14u));
        let ox_mn = i32((rem_mn % 14u));
        let xb_mn = img_mn * 100352u;
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_b_pf1 = select(0.0f, select(0.0f, x[select(0u, ((xb_mn + (ci_k * 196u)) + u32((((oy_mn + (ky_k - 1i)) * 14i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i))))], ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i)))), (((block_col + mn_l) < 196u) && ((((t + 1u) * 8u) + k_l) < 4608u)));
      }
      {
        let e = li + 512u;
        let mn_l = e % 128u;
        let k_l = e / 128u;
        let mn_c = min((block_col + mn_l), 195u);
        let k_c = min((((t + 1u) * 8u) + k_l), 4607u);
        let img_mn = mn_c / 196u;
        let rem_mn = mn_c % 196u;
        let oy_mn = i32((rem_mn / 14u));
        let ox_mn = i32((rem_mn % 14u));
        let xb_mn = img_mn * 100352u;
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_b_pf2 = select(0.0f, select(0.0f, x[select(0u, ((xb_mn + (ci_k * 196u)) + u32((((oy_mn + (ky_k - 1i)) * 14i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i))))], ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i)))), (((block_col + mn_l) < 196u) && ((((t + 1u) * 8u) + k_l) < 4608u)));
      }
      {
        let e = li + 768u;
        let mn_l = e % 128u;
        let k_l = e / 128u;
        let mn_c = min((block_col + mn_l), 195u);
        let k_c = min((((t + 1u) * 8u) + k_l), 4607u);
        let img_mn = mn_c / 196u;
        let rem_mn = mn_c % 196u;
        let oy_mn = i32((rem_mn / 14u));
        let ox_mn = i32((rem_mn % 14u));
        let xb_mn = img_mn * 100352u;
        let ci_k = k_c / 9u;
        let r_k = k_c % 9u;
        let ky_k = i32((r_k / 3u));
        let kx_k = i32((r_k % 3u));
        tile_b_pf3 = select(0.0f, select(0.0f, x[select(0u, ((xb_mn + (ci_k * 196u)) + u32((((oy_mn + (ky_k - 1i)) * 14i) + (ox_mn + (kx_k - 1i))))), ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i))))], ((((oy_mn + (ky_k - 1i)) >= 0i) && ((oy_mn + (ky_k - 1i)) < 14i)) && (((ox_mn + (kx_k - 1i)) >= 0i) && ((ox_mn + (kx_k - 1i)) < 14i)))), (((block_col + mn_l) < 196u) && ((((t + 1u) * 8u) + k_l) < 4608u)));
      }
    }
    let a_base = (t & 1u) * 1032u + lid.y;
    let b_base = (t & 1u) * 1024u + lid.x;
    for (var kl = 0u; kl < 8u; kl++) {
      let a0 = tile_a[a_base + kl * 129u + 0u];
      let a1 = tile_a[a_base + kl * 129u + 16u];
      let a2 = tile_a[a_base + kl * 129u + 32u];
      let a3 = tile_a[a_base + kl * 129u + 48u];
      let a4 = tile_a[a_base + kl * 129u + 64u];
      let a5 = tile_a[a_base + kl * 129u + 80u];
      let a6 = tile_a[a_base + kl * 129u + 96u];
      let a7 = tile_a[a_base + kl * 129u + 112u];
      let b0 = tile_b[b_base + kl * 128u + 0u];
      let b1 = tile_b[b_base + kl * 128u + 16u];
      let b2 = tile_b[b_base + kl * 128u + 32u];
      let b3 = tile_b[b_base + kl * 128u + 48u];
      let b4 = tile_b[b_base + kl * 128u + 64u];
      let b5 = tile_b[b_base + kl * 128u + 80u];
      let b6 = tile_b[b_base + kl * 128u + 96u];
      let b7 = tile_b[b_base + kl * 128u + 112u];
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
    if (t + 1u < 576u) {
      {
        let e = li + 0u;
        let mn_l = e / 8u;
        let k_l = e % 8u;
        tile_a[(((t + 1u) & 1u) * 1032u) + (k_l * 129u + mn_l)] = tile_a_pf0;
      }
      {
        let e = li + 256u;
        let mn_l = e / 8u;
        let k_l = e % 8u;
        tile_a[(((t + 1u) & 1u) * 1032u) + (k_l * 129u + mn_l)] = tile_a_pf1;
      }
      {
        let e = li + 512u;
        let mn_l = e / 8u;
        let k_l = e % 8u;
        tile_a[(((t + 1u) & 1u) * 1032u) + (k_l * 129u + mn_l)] = tile_a_pf2;
      }
      {
        let e = li + 768u;
        let mn_l = e / 8u;
        let k_l = e % 8u;
        tile_a[(((t + 1u) & 1u) * 1032u) + (k_l * 129u + mn_l)] = tile_a_pf3;
      }
      {
        let e = li + 0u;
        let mn_l = e % 128u;
        let k_l = e / 128u;
        tile_b[(((t + 1u) & 1u) * 1024u) + (k_l * 128u + mn_l)] = tile_b_pf0;
      }
      {
        let e = li + 256u;
        let mn_l = e % 128u;
        let k_l = e / 128u;
        tile_b[(((t + 1u) & 1u) * 1024u) + (k_l * 128u + mn_l)] = tile_b_pf1;
      }
      {
        let e = li + 512u;
        let mn_l = e % 128u;
        let k_l = e / 128u;
        tile_b[(((t + 1u) & 1u) * 1024u) + (k_l * 128u + mn_l)] = tile_b_pf2;
      }
      {
        let e = li + 768u;
        let mn_l = e % 128u;
        let k_l = e / 128u;
        tile_b[(((t + 1u) & 1u) * 1024u) + (k_l * 128u + mn_l)] = tile_b_pf3;
      }
    }
    workgroupBarrier();
  }
  let row0 = block_row + lid.y;
  let row1 = (block_row + lid.y) + 16u;
  let row2 = (block_row + lid.y) + 32u;
  let row3 = (block_row + lid.y) + 48u;
  let row4 = (block_row + lid.y) + 64u;
  let row5 = (block_row + lid.y) + 80u;
  let row6 = (block_row + lid.y) + 96u;
  let row7 = (block_row + lid.y) + 112u;
  let col0 = min((block_col + lid.x), 195u);
  let img_c0 = col0 / 196u;
  let rem_c0 = col0 % 196u;
  let oy_c0 = i32((rem_c0 / 14u));
  let ox_c0 = i32((rem_c0 % 14u));
  let xb_c0 = img_c0 * 100352u;
  let col1 = min(((block_col + lid.x) + 16u), 195u);
  let img_c1 = col1 / 196u;
  let rem_c1 = col1 % 196u;
  let oy_c1 = i32((rem_c1 / 14u));
  let ox_c1 = i32((rem_c1 % 14u));
  let xb_c1 = img_c1 * 100352u;
  let col2 = min(((block_col + lid.x) + 32u), 195u);
  let img_c2 = col2 / 196u;
  let rem_c2 = col2 % 196u;
  let oy_c2 = i32((rem_c2 / 14u));
  let ox_c2 = i32((rem_c2 % 14u));
  let xb_c2 = img_c2 * 100352u;
  let col3 = min(((block_col + lid.x) + 48u), 195u);
  let img_c3 = col3 / 196u;
  let rem_c3 = col3 % 196u;
  let oy_c3 = i32((rem_c3 / 14u));
  let ox_c3 = i32((rem_c3 % 14u));
  let xb_c3 = img_c3 * 100352u;
  let col4 = min(((block_col + lid.x) + 64u), 195u);
  let img_c4 = col4 / 196u;
  let rem_c4 = col4 % 196u;
  let oy_c4 = i32((rem_c4 / 14u));
  let ox_c4 = i32((rem_c4 % 14u));
  let xb_c4 = img_c4 * 100352u;
  let col5 = min(((block_col + lid.x) + 80u), 195u);
  let img_c5 = col5 / 196u;
  let rem_c5 = col5 % 196u;
  let oy_c5 = i32((rem_c5 / 14u));
  let ox_c5 = i32((rem_c5 % 14u));
  let xb_c5 = img_c5 * 100352u;
  let col6 = min(((block_col + lid.x) + 96u), 195u);
  let img_c6 = col6 / 196u;
  let rem_c6 = col6 % 196u;
  let oy_c6 = i32((rem_c6 / 14u));
  let ox_c6 = i32((rem_c6 % 14u));
  let xb_c6 = img_c6 * 100352u;
  let col7 = min(((block_col + lid.x) + 112u), 195u);
  let img_c7 = col7 / 196u;
  let rem_c7 = col7 % 196u;
  let oy_c7 = i32((rem_c7 / 14u));
  let ox_c7 = i32((rem_c7 % 14u));
  let xb_c7 = img_c7 * 100352u;
  {
    if ((block_col + lid.x) < 196u) {
      var r = acc0_0;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 512u) + row0) * 196u) + rem_c0] = r;
    }
    if (((block_col + lid.x) + 16u) < 196u) {
      var r = acc0_1;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 512u) + row0) * 196u) + rem_c1] = r;
    }
    if (((block_col + lid.x) + 32u) < 196u) {
      var r = acc0_2;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 512u) + row0) * 196u) + rem_c2] = r;
    }
    if (((block_col + lid.x) + 48u) < 196u) {
      var r = acc0_3;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 512u) + row0) * 196u) + rem_c3] = r;
    }
    if (((block_col + lid.x) + 64u) < 196u) {
      var r = acc0_4;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 512u) + row0) * 196u) + rem_c4] = r;
    }
    if (((block_col + lid.x) + 80u) < 196u) {
      var r = acc0_5;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 512u) + row0) * 196u) + rem_c5] = r;
    }
    if (((block_col + lid.x) + 96u) < 196u) {
      var r = acc0_6;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 512u) + row0) * 196u) + rem_c6] = r;
    }
    if (((block_col + lid.x) + 112u) < 196u) {
      var r = acc0_7;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 512u) + row0) * 196u) + rem_c7] = r;
    }
  }
  {
    if ((block_col + lid.x) < 196u) {
      var r = acc1_0;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 512u) + row1) * 196u) + rem_c0] = r;
    }
    if (((block_col + lid.x) + 16u) < 196u) {
      var r = acc1_1;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 512u) + row1) * 196u) + rem_c1] = r;
    }
    if (((block_col + lid.x) + 32u) < 196u) {
      var r = acc1_2;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 512u) + row1) * 196u) + rem_c2] = r;
    }
    if (((block_col + lid.x) + 48u) < 196u) {
      var r = acc1_3;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 512u) + row1) * 196u) + rem_c3] = r;
    }
    if (((block_col + lid.x) + 64u) < 196u) {
      var r = acc1_4;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 512u) + row1) * 196u) + rem_c4] = r;
    }
    if (((block_col + lid.x) + 80u) < 196u) {
      var r = acc1_5;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 512u) + row1) * 196u) + rem_c5] = r;
    }
    if (((block_col + lid.x) + 96u) < 196u) {
      var r = acc1_6;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 512u) + row1) * 196u) + rem_c6] = r;
    }
    if (((block_col + lid.x) + 112u) < 196u) {
      var r = acc1_7;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 512u) + row1) * 196u) + rem_c7] = r;
    }
  }
  {
    if ((block_col + lid.x) < 196u) {
      var r = acc2_0;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 512u) + row2) * 196u) + rem_c0] = r;
    }
    if (((block_col + lid.x) + 16u) < 196u) {
      var r = acc2_1;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 512u) + row2) * 196u) + rem_c1] = r;
    }
    if (((block_col + lid.x) + 32u) < 196u) {
      var r = acc2_2;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 512u) + row2) * 196u) + rem_c2] = r;
    }
    if (((block_col + lid.x) + 48u) < 196u) {
      var r = acc2_3;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 512u) + row2) * 196u) + rem_c3] = r;
    }
    if (((block_col + lid.x) + 64u) < 196u) {
      var r = acc2_4;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 512u) + row2) * 196u) + rem_c4] = r;
    }
    if (((block_col + lid.x) + 80u) < 196u) {
      var r = acc2_5;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 512u) + row2) * 196u) + rem_c5] = r;
    }
    if (((block_col + lid.x) + 96u) < 196u) {
      var r = acc2_6;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 512u) + row2) * 196u) + rem_c6] = r;
    }
    if (((block_col + lid.x) + 112u) < 196u) {
      var r = acc2_7;
      r += ep0_bias[row2];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 512u) + row2) * 196u) + rem_c7] = r;
    }
  }
  {
    if ((block_col + lid.x) < 196u) {
      var r = acc3_0;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 512u) + row3) * 196u) + rem_c0] = r;
    }
    if (((block_col + lid.x) + 16u) < 196u) {
      var r = acc3_1;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 512u) + row3) * 196u) + rem_c1] = r;
    }
    if (((block_col + lid.x) + 32u) < 196u) {
      var r = acc3_2;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 512u) + row3) * 196u) + rem_c2] = r;
    }
    if (((block_col + lid.x) + 48u) < 196u) {
      var r = acc3_3;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 512u) + row3) * 196u) + rem_c3] = r;
    }
    if (((block_col + lid.x) + 64u) < 196u) {
      var r = acc3_4;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 512u) + row3) * 196u) + rem_c4] = r;
    }
    if (((block_col + lid.x) + 80u) < 196u) {
      var r = acc3_5;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 512u) + row3) * 196u) + rem_c5] = r;
    }
    if (((block_col + lid.x) + 96u) < 196u) {
      var r = acc3_6;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 512u) + row3) * 196u) + rem_c6] = r;
    }
    if (((block_col + lid.x) + 112u) < 196u) {
      var r = acc3_7;
      r += ep0_bias[row3];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 512u) + row3) * 196u) + rem_c7] = r;
    }
  }
  {
    if ((block_col + lid.x) < 196u) {
      var r = acc4_0;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 512u) + row4) * 196u) + rem_c0] = r;
    }
    if (((block_col + lid.x) + 16u) < 196u) {
      var r = acc4_1;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 512u) + row4) * 196u) + rem_c1] = r;
    }
    if (((block_col + lid.x) + 32u) < 196u) {
      var r = acc4_2;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 512u) + row4) * 196u) + rem_c2] = r;
    }
    if (((block_col + lid.x) + 48u) < 196u) {
      var r = acc4_3;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 512u) + row4) * 196u) + rem_c3] = r;
    }
    if (((block_col + lid.x) + 64u) < 196u) {
      var r = acc4_4;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 512u) + row4) * 196u) + rem_c4] = r;
    }
    if (((block_col + lid.x) + 80u) < 196u) {
      var r = acc4_5;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 512u) + row4) * 196u) + rem_c5] = r;
    }
    if (((block_col + lid.x) + 96u) < 196u) {
      var r = acc4_6;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 512u) + row4) * 196u) + rem_c6] = r;
    }
    if (((block_col + lid.x) + 112u) < 196u) {
      var r = acc4_7;
      r += ep0_bias[row4];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 512u) + row4) * 196u) + rem_c7] = r;
    }
  }
  {
    if ((block_col + lid.x) < 196u) {
      var r = acc5_0;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 512u) + row5) * 196u) + rem_c0] = r;
    }
    if (((block_col + lid.x) + 16u) < 196u) {
      var r = acc5_1;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 512u) + row5) * 196u) + rem_c1] = r;
    }
    if (((block_col + lid.x) + 32u) < 196u) {
      var r = acc5_2;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 512u) + row5) * 196u) + rem_c2] = r;
    }
    if (((block_col + lid.x) + 48u) < 196u) {
      var r = acc5_3;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 512u) + row5) * 196u) + rem_c3] = r;
    }
    if (((block_col + lid.x) + 64u) < 196u) {
      var r = acc5_4;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 512u) + row5) * 196u) + rem_c4] = r;
    }
    if (((block_col + lid.x) + 80u) < 196u) {
      var r = acc5_5;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 512u) + row5) * 196u) + rem_c5] = r;
    }
    if (((block_col + lid.x) + 96u) < 196u) {
      var r = acc5_6;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 512u) + row5) * 196u) + rem_c6] = r;
    }
    if (((block_col + lid.x) + 112u) < 196u) {
      var r = acc5_7;
      r += ep0_bias[row5];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 512u) + row5) * 196u) + rem_c7] = r;
    }
  }
  {
    if ((block_col + lid.x) < 196u) {
      var r = acc6_0;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 512u) + row6) * 196u) + rem_c0] = r;
    }
    if (((block_col + lid.x) + 16u) < 196u) {
      var r = acc6_1;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 512u) + row6) * 196u) + rem_c1] = r;
    }
    if (((block_col + lid.x) + 32u) < 196u) {
      var r = acc6_2;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 512u) + row6) * 196u) + rem_c2] = r;
    }
    if (((block_col + lid.x) + 48u) < 196u) {
      var r = acc6_3;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 512u) + row6) * 196u) + rem_c3] = r;
    }
    if (((block_col + lid.x) + 64u) < 196u) {
      var r = acc6_4;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 512u) + row6) * 196u) + rem_c4] = r;
    }
    if (((block_col + lid.x) + 80u) < 196u) {
      var r = acc6_5;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 512u) + row6) * 196u) + rem_c5] = r;
    }
    if (((block_col + lid.x) + 96u) < 196u) {
      var r = acc6_6;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 512u) + row6) * 196u) + rem_c6] = r;
    }
    if (((block_col + lid.x) + 112u) < 196u) {
      var r = acc6_7;
      r += ep0_bias[row6];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 512u) + row6) * 196u) + rem_c7] = r;
    }
  }
  {
    if ((block_col + lid.x) < 196u) {
      var r = acc7_0;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 512u) + row7) * 196u) + rem_c0] = r;
    }
    if (((block_col + lid.x) + 16u) < 196u) {
      var r = acc7_1;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 512u) + row7) * 196u) + rem_c1] = r;
    }
    if (((block_col + lid.x) + 32u) < 196u) {
      var r = acc7_2;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 512u) + row7) * 196u) + rem_c2] = r;
    }
    if (((block_col + lid.x) + 48u) < 196u) {
      var r = acc7_3;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 512u) + row7) * 196u) + rem_c3] = r;
    }
    if (((block_col + lid.x) + 64u) < 196u) {
      var r = acc7_4;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c4 * 512u) + row7) * 196u) + rem_c4] = r;
    }
    if (((block_col + lid.x) + 80u) < 196u) {
      var r = acc7_5;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c5 * 512u) + row7) * 196u) + rem_c5] = r;
    }
    if (((block_col + lid.x) + 96u) < 196u) {
      var r = acc7_6;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c6 * 512u) + row7) * 196u) + rem_c6] = r;
    }
    if (((block_col + lid.x) + 112u) < 196u) {
      var r = acc7_7;
      r += ep0_bias[row7];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c7 * 512u) + row7) * 196u) + rem_c7] = r;
    }
  }
}
