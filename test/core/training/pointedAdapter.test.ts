import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import type { Resources } from '../../../src/core/resources/resources';

const examples = join(__dirname, '..', '..', '..', '..', 'test', 'examples');
const example = (path: string) => readFileSync(join(examples, path), 'utf8');
/** A real PEFT adapter config: LoRA r=8 on q_proj and v_proj. */
const ADAPTER = example('fine-tune/adapter_config.json');
/** LLaMA-Factory's LoRA DPO recipe, resuming the adapter its LoRA SFT recipe writes to `output_dir: saves/llama3-8b/lora/sft`. */
const dpoFromSft = (line: string) =>
  `# compute-budget: dataset_tokens=1M\n${example('fine-tune/llama-factory-llama3-lora-dpo.yaml').replace('### method', `${line}\n\n### method`)}`;

/** A workspace at /ws holding the files given, by path; every model from the built-in catalog. */
function workspace(files: Record<string, string>, asked: string[] = []): Resources {
  return {
    boundary: '/ws',
    file: (path) => {
      asked.push(path);
      return Object.hasOwn(files, path) ? files[path] : null;
    },
    modelConfig: () => null,
  };
}

// Llama-3-8B: hidden 4096, 8 KV heads of 128, 32 layers. q: 8·(4096 + 4096), v: 8·(4096 + 1024).
const RESUMED_TRAINABLE = 32 * (8 * 8192 + 8 * 5120);
const LLAMA3_8B = 8_030_261_248;

describe('an adapter a config points at', () => {
  it('reads the rank and targets of the adapter LLaMA-Factory resumes (adapter_name_or_path), not the recipe’s lora_target', () => {
    const analysis = analyze(dpoFromSft('adapter_name_or_path: saves/llama3-8b/lora/sft'), '/ws/llama3_lora_dpo.yaml', {
      resources: workspace({ '/ws/saves/llama3-8b/lora/sft/adapter_config.json': ADAPTER }),
    });
    assert.equal(analysis.adapter?.rank, 8);
    assert.deepEqual(analysis.adapter?.modules, ['q', 'v']);
    assert.equal(analysis.adapter?.trainable, RESUMED_TRAINABLE);
    assert.match(analysis.adapter!.source, /adapter_name_or_path \(saves\/llama3-8b\/lora\/sft\/adapter_config\.json\)/);
    // 3 epochs × 1M × 0.9; DPO: the adapted policy plus the reference forward.
    assert.equal(analysis.flops, (4 * LLAMA3_8B + 2 * RESUMED_TRAINABLE + 2 * LLAMA3_8B) * 2.7e6);
  });

  it('trains a new adapter from the recipe’s own keys when LLaMA-Factory is told create_new_adapter', () => {
    const analysis = analyze(dpoFromSft('adapter_name_or_path: saves/llama3-8b/lora/sft\ncreate_new_adapter: true'), '/ws/llama3_lora_dpo.yaml', {
      resources: workspace({ '/ws/saves/llama3-8b/lora/sft/adapter_config.json': ADAPTER }),
    });
    // lora_target: all at LLaMA-Factory's default rank 8.
    assert.equal(analysis.adapter?.trainable, 20_971_520);
  });

  it('resumes the last of several adapters LLaMA-Factory is given', () => {
    const asked: string[] = [];
    const analysis = analyze(dpoFromSft('adapter_name_or_path: saves/a,saves/llama3-8b/lora/sft'), '/ws/llama3_lora_dpo.yaml', {
      resources: workspace({ '/ws/saves/llama3-8b/lora/sft/adapter_config.json': ADAPTER }, asked),
    });
    assert.equal(analysis.adapter?.trainable, RESUMED_TRAINABLE);
    assert.ok(!asked.includes('/ws/saves/a/adapter_config.json'));
  });

  it('reads Axolotl’s lora_model_dir instead of its lora_r and lora_target_linear', () => {
    const text = `# compute-budget: dataset_tokens=1M\n${example('axolotl/llama-3-lora-8b.yml').replace('lora_model_dir:\n', 'lora_model_dir: ./outputs/lora-out\n')}`;
    const analysis = analyze(text, '/ws/llama-3-lora-8b.yml', { resources: workspace({ '/ws/outputs/lora-out/adapter_config.json': ADAPTER }) });
    assert.equal(analysis.adapter?.rank, 8);
    assert.equal(analysis.adapter?.trainable, RESUMED_TRAINABLE);
  });

  it('says a Hugging Face adapter id needs its adapter_config.json, and gives no compute rather than a guess', () => {
    const analysis = analyze(dpoFromSft('adapter_name_or_path: someone/llama3-8b-sft-lora'), '/ws/llama3_lora_dpo.yaml', { resources: workspace({}) });
    assert.equal(analysis.adapter, null);
    assert.equal(analysis.flops, null);
    assert.equal(analysis.fineTune?.compute?.needs, "the adapter's adapter_config.json");
    const said = analysis.findings.find((finding) => finding.code === 'missing-file');
    assert.match(said!.message, /"someone\/llama3-8b-sft-lora" .* rank and targets are unknown: the compute needs the adapter's adapter_config.json/);
    assert.ok(analysis.findings.some((finding) => finding.code === 'missing-architecture' && /needs the adapter's adapter_config.json/.test(finding.message)));
  });

  it('leaves the unread adapter out of the memory estimate and says which parts need its adapter_config.json, never counting the recipe’s lora_* keys', () => {
    const recipe = (line: string) => `# compute-budget: accelerator=H100\n${dpoFromSft(line)}`;
    const pointed = analyze(recipe('adapter_name_or_path: someone/llama3-8b-sft-lora'), '/ws/llama3_lora_dpo.yaml', { resources: workspace({}) });
    const own = analyze(recipe(''), '/ws/llama3_lora_dpo.yaml', { resources: workspace({}) });
    assert.ok(pointed.memory && own.memory);
    assert.deepEqual(
      pointed.memory.unknown?.map((part) => part.part),
      ['weights', 'gradients', 'optimizer states'],
    );
    for (const part of pointed.memory.unknown ?? []) assert.match(part.needs, /unknown: needs the adapter's adapter_config\.json/);
    // The recipe's own r=8 adapter has gradients and optimizer states; the pointed one's are not guessed from it.
    assert.ok(own.memory.parts.gradients > 0);
    assert.equal(pointed.memory.parts.gradients, 0);
    assert.equal(pointed.memory.parts.optimizer, 0);
    // The base is frozen either way: its weights alone, not the optimizer states of a full fine-tune.
    assert.ok(pointed.memory.parts.weights < own.memory.parts.weights + 1, 'no full-fine-tune weights');
    assert.deepEqual(own.memory.unknown, []);
  });

  it('never reads an adapter outside the workspace, and says its figures are then unknown', () => {
    const asked: string[] = [];
    const analysis = analyze(dpoFromSft('adapter_name_or_path: ../elsewhere/sft'), '/ws/llama3_lora_dpo.yaml', {
      resources: workspace({ '/elsewhere/sft/adapter_config.json': ADAPTER }, asked),
    });
    assert.deepEqual(asked, []);
    assert.equal(analysis.flops, null);
    assert.match(analysis.findings.find((finding) => finding.code === 'missing-file')!.message, /outside the workspace folder/);
  });

  it('asks the host for the adapter’s config when it has not read it yet', () => {
    const analysis = analyze(dpoFromSft('adapter_name_or_path: ./saves/sft'), '/ws/llama3_lora_dpo.yaml', {
      resources: { boundary: '/ws', file: () => undefined, modelConfig: () => null },
    });
    assert.ok(analysis.pending.files.includes('/ws/saves/sft/adapter_config.json'), analysis.pending.files.join(', '));
  });
});

describe('a model named by a folder that holds an adapter', () => {
  it('is the adapter’s base with the adapter merged in, as alignment-handbook loads an SFT adapter for DPO', () => {
    const text = `# compute-budget: dataset_tokens=100M\n${example('fine-tune/zephyr-dpo-full.yaml').replace(/^model_name_or_path: .*$/m, 'model_name_or_path: ./data/sft-lora')}`;
    const analysis = analyze(text, '/ws/config_full.yaml', { resources: workspace({ '/ws/data/sft-lora/adapter_config.json': ADAPTER }) });
    assert.equal(analysis.fineTune?.base, 'meta-llama/Llama-3.2-3B');
    assert.equal(analysis.model.catalog?.id, 'meta-llama/Llama-3.2-3B');
    // The recipe trains every weight (no use_peft): the merged adapter is part of the base.
    assert.equal(analysis.adapter, null);
    assert.equal(analysis.fineTune?.method, 'full');
    assert.ok(!analysis.findings.some((finding) => finding.code === 'unknown-model'));
  });
});
