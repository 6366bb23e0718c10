import assert from 'node:assert/strict';
import { readPython } from '../../../src/core/source/pythonTree';
import { getPath, type ConfigNode } from '../../../src/core/source/tree';

const valueAt = (root: ConfigNode | undefined, ...path: string[]) => {
  const node = getPath(root, path)?.node;
  return node?.kind === 'scalar' ? node.value : node?.kind;
};

describe('Python configs read as literals, never run', () => {
  it('evaluates InternLM-style constants, arithmetic and dict(...) calls into a tree', () => {
    const text = [
      'SEQ_LEN = 2048',
      'MLP_RATIO = 8 / 3',
      'data = dict(seq_len=SEQ_LEN, micro_num=4, total_steps=50_000)',
      'model = dict(hidden_size=4096, mlp_ratio=MLP_RATIO, dtype="torch.bfloat16", checkpoint=False)',
      'lr_scheduler = dict(total_steps=data["total_steps"], eta_min=1e-5)',
      'parallel = dict(pipeline=dict(size=1), tensor=2 ** 1, layers=[0] * 3 + [1])',
    ].join('\n');
    const { root, problems } = readPython(text);
    assert.deepEqual(problems, []);
    assert.equal(valueAt(root, 'data', 'seq_len'), 2048);
    assert.equal(valueAt(root, 'model', 'mlp_ratio'), 8 / 3);
    assert.equal(valueAt(root, 'model', 'dtype'), 'torch.bfloat16');
    assert.equal(valueAt(root, 'model', 'checkpoint'), false);
    assert.equal(valueAt(root, 'lr_scheduler', 'total_steps'), 50000);
    assert.equal(valueAt(root, 'parallel', 'pipeline', 'size'), 1);
    assert.equal(valueAt(root, 'parallel', 'tensor'), 2);
    assert.equal(valueAt(root, 'parallel', 'layers', '3'), 1);
  });

  it('points a value read through a name at the place it is used', () => {
    const text = 'HIDDEN = 512\nmodel = dict(hidden_size=HIDDEN)\n';
    const node = getPath(readPython(text).root, ['model', 'hidden_size'])?.node;
    assert.equal(text.slice(node!.span.start, node!.span.end), 'HIDDEN');
  });

  it('reads {…} dicts, tuples, config classes given keywords, int() and nanoGPT-style plain assignments', () => {
    const text =
      "cfg = {'n_layer': 12, \"lr\": 6e-4, **{'bias': True}}\nshape = (1, 2)\nmodel = GPTConfig(n_layer=6, n_embd=int(384.9))\nbatch_size = 12\ngradient_accumulation_steps = 5 * 8\n";
    const { root } = readPython(text);
    assert.equal(valueAt(root, 'cfg', 'n_layer'), 12);
    assert.equal(valueAt(root, 'cfg', 'bias'), true);
    assert.equal(valueAt(root, 'shape', '1'), 2);
    assert.equal(valueAt(root, 'model', 'n_embd'), 384);
    assert.equal(valueAt(root, 'gradient_accumulation_steps'), 40);
  });

  it('leaves unknown what only running the code would tell: calls, attributes, f-strings, conditionals, blocks', () => {
    const text = [
      'import os',
      'steps = int(os.environ["STEPS"])',
      'name = f"run-{steps}"',
      'dtype = torch.bfloat16',
      'width = 512 if big else 256',
      'def build():',
      '    hidden = 4096',
      'if True:',
      '    layers = 32',
      'zero = 1 / 0',
    ].join('\n');
    const { root } = readPython(text);
    for (const key of ['steps', 'name', 'dtype', 'width', 'zero']) assert.equal(valueAt(root, key), null, key);
    assert.equal(getPath(root, ['hidden']), undefined);
    assert.equal(getPath(root, ['layers']), undefined);
  });

  it('reads tuple targets item by item, and keeps a call whose result is unpacked under its targets as written', () => {
    const text =
      'a, b = 1, 2\n(c, d) = [3, 4]\nmodel, tokenizer = FastLanguageModel.from_pretrained(model_name = "unsloth/Llama-3.1-8B", load_in_4bit = True)\n';
    const { root } = readPython(text);
    assert.equal(valueAt(root, 'a'), 1);
    assert.equal(valueAt(root, 'b'), 2);
    assert.equal(valueAt(root, 'd'), 4);
    assert.equal(valueAt(root, 'model, tokenizer', 'model_name'), 'unsloth/Llama-3.1-8B');
    const call = getPath(root, ['model, tokenizer'])?.node;
    assert.equal(call?.kind === 'map' ? call.call?.callee : undefined, 'FastLanguageModel.from_pretrained');
  });

  it('reads a call mixing positional and keyword arguments as its keywords, with the callee and positional arguments beside them', () => {
    const text =
      'R = 16\nmodel = FastLanguageModel.get_peft_model(model, r = R, target_modules = ["q_proj", "v_proj"], **extra)\nds = load_dataset("unsloth/alpaca-cleaned", split = "train")\n';
    const { root } = readPython(text);
    assert.equal(valueAt(root, 'model', 'r'), 16);
    assert.equal(valueAt(root, 'model', 'target_modules', '1'), 'v_proj');
    const dataset = getPath(root, ['ds'])?.node;
    assert.equal(dataset?.kind, 'map');
    if (dataset?.kind !== 'map') return;
    assert.equal(dataset.call?.callee, 'load_dataset');
    assert.deepEqual(
      dataset.call?.positional.map((node) => (node.kind === 'scalar' ? node.value : node.kind)),
      ['unsloth/alpaca-cleaned'],
    );
  });

  it('stops growing a list past its item limit and nesting past its depth limit instead of exhausting memory or the stack', () => {
    const { root } = readPython(`big = [0] * 10 ** 9\ndeep = ${'['.repeat(5000)}1${']'.repeat(5000)}\n`);
    assert.equal(valueAt(root, 'big'), null);
    assert.ok(getPath(root, ['deep']));
  });
});
