// spec: {"c":32,"epilogue":[{"op":"bias"},{"op":"relu"}],"flip":false,"h":8,"k":1,"kind":"conv","n":2,"o":32,"pad":0,"tile":{"bk":16,"bm":32,"bn":64,"ks":1,"tm":2,"tn":4,"variant":"workgroup"},"w":8}
// conv workgroup 2x4: workgroup size 16x16x1, 2x1x1 workgroups, 12416 bytes of workgroup memory
// bindings: x:read:f32, wt:read:f32, ep0_bias:read:f32, y:read_write:f32
// conv 2x32x8x8 -> 32 k1 pad0 (workgroup)
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> wt: array<f32>;
@group(0) @binding(2) var<storage, read> ep0_bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

var<workgroup> tile_a: array<f32, 1056>;
var<workgroup> tile_b: array<f32, 2048>;

@compute @workgroup_size(16, 16, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let tile_n = wg.x % 2u;
  let tile_m = wg.x / 2u;
  let block_row = tile_m * 32u;
  let block_col = tile_n * 64u;
  var acc0_0 = 0.0f; var acc0_1 = 0.0f; var acc0_2 = 0.0f; var acc0_3 = 0.0f;
  var acc1_0 = 0.0f; var acc1_1 = 0.0f; var acc1_2 = 0.0f; var acc1_3 = 0.0f;
  var tile_a_pf0 = 0.0f;
  var tile_a_pf1 = 0.0f;
  var tile_b_pf0 = 0.0f;
  var tile_b_pf1 = 0.0f;
  var tile_b_pf2 = 0.0f;
  var tile_b_pf3 = 0.0f;
  {
    let e = li + 0u;
    let mn_l = e / 16u;
    let k_l = e % 16u;
    let mn_c = min((block_row + mn_l), 31u);
    let k_c = min(k_l, 31u);
    let ci_k = k_c;
    let r_k = 0u;
    let ky_k = 0i;
    let kx_k = 0i;
    tile_a_pf0 = select(0.0f, wt[(mn_c * 32u) + k_c], (((block_row + mn_l) < 32u) && (k_l < 32u)));
  }
  {
    let e = li + 256u;
    let mn_l = e / 16u;
    let k_l = e % 16u;
    let mn_c = min((block_row + mn_l), 31u);
    let k_c = min(k_l, 31u);
    let ci_k = k_c;
    let r_k = 0u;
    let ky_k = 0i;
    let kx_k = 0i;
    tile_a_pf1 = select(0.0f, wt[(mn_c * 32u) + k_c], (((block_row + mn_l) < 32u) && (k_l < 32u)));
  }
  {
    let e = li + 0u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min((block_col + mn_l), 127u);
    let k_c = min(k_l, 31u);
    let img_mn = mn_c / 64u;
    let rem_mn = mn_c % 64u;
    let oy_mn = i32((rem_mn / 8u));
    let ox_mn = i32((rem_mn % 8u));
    let xb_mn = img_mn * 2048u;
    let ci_k = k_c;
    let r_k = 0u;
    let ky_k = 0i;
    let kx_k = 0i;
    tile_b_pf0 = select(0.0f, x[(xb_mn + (ci_k * 64u)) + u32((((oy_mn + ky_k) * 8i) + (ox_mn + kx_k)))], (((block_col + mn_l) < 128u) && (k_l < 32u)));
  }
  {
    let e = li + 256u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min((block_col + mn_l), 127u);
    let k_c = min(k_l, 31u);
    let img_mn = mn_c / 64u;
    let rem_mn = mn_c % 64u;
    let oy_mn = i32((rem_mn / 8u));
    let ox_mn = i32((rem_mn % 8u));
    let xb_mn = img_mn * 2048u;
    let ci_k = k_c;
    let r_k = 0u;
    let ky_k = 0i;
    let kx_k = 0i;
    tile_b_pf1 = select(0.0f, x[(xb_mn + (ci_k * 64u)) + u32((((oy_mn + ky_k) * 8i) + (ox_mn + kx_k)))], (((block_col + mn_l) < 128u) && (k_l < 32u)));
  }
  {
    let e = li + 512u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min((block_col + mn_l), 127u);
    let k_c = min(k_l, 31u);
    let img_mn = mn_c / 64u;
    let rem_mn = mn_c % 64u;
    let oy_mn = i32((rem_mn / 8u));
    let ox_mn = i32((rem_mn % 8u));
    let xb_mn = img_mn * 2048u;
    let ci_k = k_c;
    let r_k = 0u;
    let ky_k = 0i;
    let kx_k = 0i;
    tile_b_pf2 = select(0.0f, x[(xb_mn + (ci_k * 64u)) + u32((((oy_mn + ky_k) * 8i) + (ox_mn + kx_k)))], (((block_col + mn_l) < 128u) && (k_l < 32u)));
  }
  {
    let e = li + 768u;
    let mn_l = e % 64u;
    let k_l = e / 64u;
    let mn_c = min((block_col + mn_l), 127u);
    let k_c = min(k_l, 31u);
    let img_mn = mn_c / 64u;
    let rem_mn = mn_c % 64u;
    let oy_mn = i32((rem_mn / 8u));
    let ox_mn = i32((rem_mn % 8u));
    let xb_mn = img_mn * 2048u;
    let ci_k = k_c;
    let r_k = 0u;
    let ky_k = 0i;
    let kx_k = 0i;
    tile_b_pf3 = select(0.0f, x[(xb_mn + (ci_k * 64u)) + u32((((oy_mn + ky_k) * 8i) + (ox_mn + kx_k)))], (((block_col + mn_l) < 128u) && (k_l < 32u)));
  }
  {
    let e = li + 0u;
    let mn_l = e / 16u;
    let k_l = e % 16u;
    tile_a[k_l * 33u + mn_l] = tile_a_pf0;
  }
  {
    let e = li + 256u;
    let mn_l = e / 16u;
    let k_l = e % 16u;
    tile_a[k_l * 33u + mn_l] = tile_a_pf1;
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
  for (var t = 0u; t < 2u; t++) {
    if (t + 1u < 2u) {
      {
        let e = li + 0u;
        let mn_l = e / 16u;
        let k_l = e % 16u;
        let mn_c = min((block_row + mn_l), 31u);
        let k_c = min((((t + 1u) * 16u) + k_l), 31u);
        let ci_k = k_c;
        let r_k = 0u;
        let ky_k = 0i;
        let kx_k = 0i;
        tile_a_pf0 = select(0.0f, wt[(mn_c * 32u) + k_c], (((block_row + mn_l) < 32u) && ((((t + 1u) * 16u) + k_l) < 32u)));
      }
      {
        let e = li + 256u;
        let mn_l = e / 16u;
        let k_l = e % 16u;
        let mn_c = min((block_row + mn_l), 31u);
        let k_c = min((((t + 1u) * 16u) + k_l), 31u);
        let ci_k = k_c;
        let r_k = 0u;
        let ky_k = 0i;
        let kx_k = 0i;
        tile_a_pf1 = select(0.0f, wt[(mn_c * 32u) + k_c], (((block_row + mn_l) < 32u) && ((((t + 1u) * 16u) + k_l) < 32u)));
      }
      {
        let e = li + 0u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min((block_col + mn_l), 127u);
        let k_c = min((((t + 1u) * 16u) + k_l), 31u);
        let img_mn = mn_c / 64u;
        let rem_mn = mn_c % 64u;
        let oy_mn = i32((rem_mn / 8u));
        let ox_mn = i32((rem_mn % 8u));
        let xb_mn = img_mn * 2048u;
        let ci_k = k_c;
        let r_k = 0u;
        let ky_k = 0i;
        let kx_k = 0i;
        tile_b_pf0 = select(0.0f, x[(xb_mn + (ci_k * 64u)) + u32((((oy_mn + ky_k) * 8i) + (ox_mn + kx_k)))], (((block_col + mn_l) < 128u) && ((((t + 1u) * 16u) + k_l) < 32u)));
      }
      {
        let e = li + 256u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min((block_col + mn_l), 127u);
        let k_c = min((((t + 1u) * 16u) + k_l), 31u);
        let img_mn = mn_c / 64u;
        let rem_mn = mn_c % 64u;
        let oy_mn = i32((rem_mn / 8u));
        let ox_mn = i32((rem_mn % 8u));
        let xb_mn = img_mn * 2048u;
        let ci_k = k_c;
        let r_k = 0u;
        let ky_k = 0i;
        let kx_k = 0i;
        tile_b_pf1 = select(0.0f, x[(xb_mn + (ci_k * 64u)) + u32((((oy_mn + ky_k) * 8i) + (ox_mn + kx_k)))], (((block_col + mn_l) < 128u) && ((((t + 1u) * 16u) + k_l) < 32u)));
      }
      {
        let e = li + 512u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min((block_col + mn_l), 127u);
        let k_c = min((((t + 1u) * 16u) + k_l), 31u);
        let img_mn = mn_c / 64u;
        let rem_mn = mn_c % 64u;
        let oy_mn = i32((rem_mn / 8u));
        let ox_mn = i32((rem_mn % 8u));
        let xb_mn = img_mn * 2048u;
        let ci_k = k_c;
        let r_k = 0u;
        let ky_k = 0i;
        let kx_k = 0i;
        tile_b_pf2 = select(0.0f, x[(xb_mn + (ci_k * 64u)) + u32((((oy_mn + ky_k) * 8i) + (ox_mn + kx_k)))], (((block_col + mn_l) < 128u) && ((((t + 1u) * 16u) + k_l) < 32u)));
      }
      {
        let e = li + 768u;
        let mn_l = e % 64u;
        let k_l = e / 64u;
        let mn_c = min((block_col + mn_l), 127u);
        let k_c = min((((t + 1u) * 16u) + k_l), 31u);
        let img_mn = mn_c / 64u;
        let rem_mn = mn_c % 64u;
        let oy_mn = i32((rem_mn / 8u));
        let ox_mn = i32((rem_mn % 8u));
        let xb_mn = img_mn * 2048u;
        let ci_k = k_c;
        let r_k = 0u;
        let ky_k = 0i;
        let kx_k = 0i;
        tile_b_pf3 = select(0.0f, x[(xb_mn + (ci_k * 64u)) + u32((((oy_mn + ky_k) * 8i) + (ox_mn + kx_k)))], (((block_col + mn_l) < 128u) && ((((t + 1u) * 16u) + k_l) < 32u)));
      }
    }
    let a_base = (t & 1u) * 528u + lid.y;
    let b_base = (t & 1u) * 1024u + lid.x;
    for (var kl = 0u; kl < 16u; kl++) {
      let a0 = tile_a[a_base + kl * 33u + 0u];
      let a1 = tile_a[a_base + kl * 33u + 16u];
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
    }
    if (t + 1u < 2u) {
      {
        let e = li + 0u;
        let mn_l = e / 16u;
        let k_l = e % 16u;
        tile_a[(((t + 1u) & 1u) * 528u) + (k_l * 33u + mn_l)] = tile_a_pf0;
      }
      {
        let e = li + 256u;
        let mn_l = e / 16u;
        let k_l = e % 16u;
        tile_a[(((t + 1u) & 1u) * 528u) + (k_l * 33u + mn_l)] = tile_a_pf1;
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
  let row0 = block_row + lid.y;
  let row1 = (block_row + lid.y) + 16u;
  let col0 = block_col + lid.x;
  let img_c0 = col0 / 64u;
  let rem_c0 = col0 % 64u;
  let oy_c0 = i32((rem_c0 / 8u));
  let ox_c0 = i32((rem_c0 % 8u));
  let xb_c0 = img_c0 * 2048u;
  let col1 = (block_col + lid.x) + 16u;
  let img_c1 = col1 / 64u;
  let rem_c1 = col1 % 64u;
  let oy_c1 = i32((rem_c1 / 8u));
  let ox_c1 = i32((rem_c1 % 8u));
  let xb_c1 = img_c1 * 2048u;
  let col2 = (block_col + lid.x) + 32u;
  let img_c2 = col2 / 64u;
  let rem_c2 = col2 % 64u;
  let oy_c2 = i32((rem_c2 / 8u));
  let ox_c2 = i32((rem_c2 % 8u));
  let xb_c2 = img_c2 * 2048u;
  let col3 = (block_col + lid.x) + 48u;
  let img_c3 = col3 / 64u;
  let rem_c3 = col3 % 64u;
  let oy_c3 = i32((rem_c3 / 8u));
  let ox_c3 = i32((rem_c3 % 8u));
  let xb_c3 = img_c3 * 2048u;
  {
    {
      var r = acc0_0;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row0) * 64u) + rem_c0] = r;
    }
    {
      var r = acc0_1;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row0) * 64u) + rem_c1] = r;
    }
    {
      var r = acc0_2;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row0) * 64u) + rem_c2] = r;
    }
    {
      var r = acc0_3;
      r += ep0_bias[row0];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row0) * 64u) + rem_c3] = r;
    }
  }
  {
    {
      var r = acc1_0;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c0 * 32u) + row1) * 64u) + rem_c0] = r;
    }
    {
      var r = acc1_1;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c1 * 32u) + row1) * 64u) + rem_c1] = r;
    }
    {
      var r = acc1_2;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c2 * 32u) + row1) * 64u) + rem_c2] = r;
    }
    {
      var r = acc1_3;
      r += ep0_bias[row1];
      r = select(r, 0.0f, r < 0.0f);
      y[(((img_c3 * 32u) + row1) * 64u) + rem_c3] = r;
    }
  }
}
