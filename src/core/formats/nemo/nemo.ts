import { readMegatron } from '../shared/megatronModel';
import { fact } from '../../source/fact';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule } from '../format';
import { tokenizerFileReader } from '../../architecture/readers/tokenizerFile';

/** NeMo / Megatron (Hydra YAML): `trainer:` for the loop, `model:` with Megatron's argument names. */
export const nemo: FrameworkModule = {
  id: 'nemo',
  name: 'NeMo / Megatron-LM',
  syntaxes: ['yaml'],
  detect: (root) => (section(root, 'trainer') && has(section(root, 'model'), 'num_layers', 'hidden_size', 'encoder_seq_length') ? 7 : 0),
  readArchitecture: (view, context) => readMegatron(view, { under: ['model'], dialect: 'nemo', tokenizerFile: tokenizerFileReader(context) }),
  training: {
    ...COMMON_TRAINING,
    stepsUnder: ['trainer'],
    // The samples are cut at `model.data.seq_length` (NVIDIA/NeMo@8cfedd72
    // nemo/collections/nlp/models/language_modeling/megatron_gpt_model.py:1673), which a launcher
    // config may set below `encoder_seq_length` (Mistral 7B: 2,048 against 4,096); else any length key.
    sequenceUnder: ['model', 'data'],
    accelerators: (view) => {
      const nodes = view.count(view.find(['num_nodes'], { under: ['trainer'] }), 'a number of nodes', { integer: true, positive: true });
      const devices = view.count(view.find(['devices'], { under: ['trainer'] }), 'devices per node', { integer: true, positive: true });
      return nodes && devices
        ? fact(nodes.value * devices.value, 'derived', { note: `trainer.num_nodes ${nodes.value} × trainer.devices ${devices.value}` })
        : undefined;
    },
  },
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};
