import { PUBLISHED_MLA } from './published';
import { checkPublished } from './check';

// Enabled once MLA lands: DeepSeek's multi-head latent attention (q_lora_rank, kv_lora_rank,
// qk_nope_head_dim, qk_rope_head_dim, v_head_dim) must be counted for these to hold.
describe.skip('DeepSeek catalog entries (multi-head latent attention)', () => {
  for (const row of PUBLISHED_MLA) it(`${row.id}: ${row.source}`, () => checkPublished(row));
});
