import { PUBLISHED_MLA } from './published';
import { checkPublished } from './check';

// DeepSeek's multi-head latent attention (q_lora_rank, kv_lora_rank, qk_nope_head_dim,
// qk_rope_head_dim, v_head_dim) is counted as DeepseekV2Attention/DeepseekV3Attention build it.
describe('DeepSeek catalog entries (multi-head latent attention)', () => {
  for (const row of PUBLISHED_MLA) it(`${row.id}: ${row.source}`, () => checkPublished(row));
});
