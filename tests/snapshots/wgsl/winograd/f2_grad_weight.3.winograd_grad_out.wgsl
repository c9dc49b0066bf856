// spec: {"accumulate":true,"c":16,"kind":"winograd_grad_out","m":2,"o":16,"slices":8}
// winograd_grad_out F(3,2) acc: workgroup size 64x1x1, 4x1x1 workgroups, 0 bytes of workgroup memory
// bindings: parts:read:f32, dw:read_write:f32
// winograd_grad_out F(3,2) 16x16, 8 slices
@group(0) @binding(0) var<storage, read> parts: array<f32>;
@group(0) @binding(1) var<storage, read_write> dw: array<f32>;

@compute @workgroup_size(64, 1, 1)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = wg.x * 64u + lid.x;
  let s0 = parts[0u + i] + parts[4096u + i] + parts[8192u + i] + parts[12288u + i] + parts[16384u + i] + parts[20480u + i] + parts[24576u + i] + parts[28672u + i];
  let s1 = parts[256u + i] + parts[4352u + i] + parts[8448u + i] + parts[12544u + i] + parts[16640u + i] + parts[20736u + i] + parts[24832u + i] + parts[28928u + i];
  let s2 = parts[512u + i] + parts[4608u + i] + parts[8704u + i] + parts[12800u + i] + parts[16896u + i] + parts[20992u + i] + parts[25088u + i] + parts[29184u + i];
  let s3 = parts[768u + i] + parts[4864u + i] + parts[8960u + i] + parts[13056u + i] + parts[17152u + i] + parts[21248u + i] + parts[25344u + i] + parts[29440u + i];
  let s4 = parts[1024u + i] + parts[5120u + i] + parts[9216u + i] + parts[13312u + i] + parts[17408u + i] + parts[21504u + i] + parts[25600u + i] + parts[29696u + i];
  let s5 = parts[1280u + i] + parts[5376u + i] + parts[9472u + i] + parts[13568u + i] + parts[17664u + i] + parts[21760u + i] + parts[25856u + i] + parts[29952u + i];
  let s6 = parts[1536u + i] + parts[5632u + i] + parts[9728u + i] + parts[13824u + i] + parts[17920u + i] + parts[22016u + i] + parts[26112u + i] + parts[30208u + i];
  let s7 = parts[1792u + i] + parts[5888u + i] + parts[9984u + i] + parts[14080u + i] + parts[18176u + i] + parts[22272u + i] + parts[26368u + i] + parts[30464u + i];
  let s8 = parts[2048u + i] + parts[6144u + i] + parts[10240u + i] + parts[14336u + i] + parts[18432u + i] + parts[22528u + i] + parts[26624u + i] + parts[30720u + i];
  let s9 = parts[2304u + i] + parts[6400u + i] + parts[10496u + i] + parts[14592u + i] + parts[18688u + i] + parts[22784u + i] + parts[26880u + i] + parts[30976u + i];
  let s10 = parts[2560u + i] + parts[6656u + i] + parts[10752u + i] + parts[14848u + i] + parts[18944u + i] + parts[23040u + i] + parts[27136u + i] + parts[31232u + i];
  let s11 = parts[2816u + i] + parts[6912u + i] + parts[11008u + i] + parts[15104u + i] + parts[19200u + i] + parts[23296u + i] + parts[27392u + i] + parts[31488u + i];
  let s12 = parts[3072u + i] + parts[7168u + i] + parts[11264u + i] + parts[15360u + i] + parts[19456u + i] + parts[23552u + i] + parts[27648u + i] + parts[31744u + i];
  let s13 = parts[3328u + i] + parts[7424u + i] + parts[11520u + i] + parts[15616u + i] + parts[19712u + i] + parts[23808u + i] + parts[27904u + i] + parts[32000u + i];
  let s14 = parts[3584u + i] + parts[7680u + i] + parts[11776u + i] + parts[15872u + i] + parts[19968u + i] + parts[24064u + i] + parts[28160u + i] + parts[32256u + i];
  let s15 = parts[3840u + i] + parts[7936u + i] + parts[12032u + i] + parts[16128u + i] + parts[20224u + i] + parts[24320u + i] + parts[28416u + i] + parts[32512u + i];
  let c_t_0_0_s1 = s4 + s8;
  let c_t_0_0_d1 = s4 - s8;
  let t_0_0 = s0 + c_t_0_0_s1;
  let t_1_0 = c_t_0_0_d1;
  let t_2_0 = c_t_0_0_s1 + s12;
  let c_t_0_1_s1 = s5 + s9;
  let c_t_0_1_d1 = s5 - s9;
  let t_0_1 = s1 + c_t_0_1_s1;
  let t_1_1 = c_t_0_1_d1;
  let t_2_1 = c_t_0_1_s1 + s13;
  let c_t_0_2_s1 = s6 + s10;
  let c_t_0_2_d1 = s6 - s10;
  let t_0_2 = s2 + c_t_0_2_s1;
  let t_1_2 = c_t_0_2_d1;
  let t_2_2 = c_t_0_2_s1 + s14;
  let c_t_0_3_s1 = s7 + s11;
  let c_t_0_3_d1 = s7 - s11;
  let t_0_3 = s3 + c_t_0_3_s1;
  let t_1_3 = c_t_0_3_d1;
  let t_2_3 = c_t_0_3_s1 + s15;
  let c_d0_0_s1 = t_0_1 + t_0_2;
  let c_d0_0_d1 = t_0_1 - t_0_2;
  let d0_0 = t_0_0 + c_d0_0_s1;
  let d0_1 = c_d0_0_d1;
  let d0_2 = c_d0_0_s1 + t_0_3;
  let c_d1_0_s1 = t_1_1 + t_1_2;
  let c_d1_0_d1 = t_1_1 - t_1_2;
  let d1_0 = t_1_0 + c_d1_0_s1;
  let d1_1 = c_d1_0_d1;
  let d1_2 = c_d1_0_s1 + t_1_3;
  let c_d2_0_s1 = t_2_1 + t_2_2;
  let c_d2_0_d1 = t_2_1 - t_2_2;
  let d2_0 = t_2_0 + c_d2_0_s1;
  let d2_1 = c_d2_0_d1;
  let d2_2 = c_d2_0_s1 + t_2_3;
  dw[i * 9u + 0u] += d0_0;
  dw[i * 9u + 1u] += d0_1;
  dw[i * 9u + 2u] += d0_2;
  dw[i * 9u + 3u] += d1_0;
  dw[i * 9u + 4u] += d1_1;
  dw[i * 9u + 5u] += d1_2;
  dw[i * 9u + 6u] += d2_0;
  dw[i * 9u + 7u] += d2_1;
  dw[i * 9u + 8u] += d2_2;
}
