import assert from 'node:assert/strict';
import { assemble } from '../../../src/core/architecture/assemble';
import { countParameters, type ParameterCount } from '../../../src/core/architecture/parameters';
import { readHuggingFace } from '../../../src/core/formats/huggingface/modelReader';
import { findModel, type CatalogModel } from '../../../src/core/catalog/models';
import { treeFromObject } from '../../../src/core/source/objectTree';
import { ConfigView } from '../../../src/core/source/view';
import type { Published } from './published';

/** The count of a catalog entry, read the way a config naming the model reads it. */
export function countOf(model: CatalogModel): ParameterCount {
  const assembled = assemble(readHuggingFace(new ConfigView(treeFromObject(model.config))));
  assert.ok(assembled.ok, `${model.id}: ${assembled.ok ? '' : assembled.missing.join(', ')}`);
  return countParameters(assembled.architecture);
}

const embeddings = (count: ParameterCount) =>
  count.parts.filter((part) => part.id === 'embedding' || part.id === 'output').reduce((sum, part) => sum + part.total, 0);

/** Asserts each published figure of `row` against the catalog's count. */
export function checkPublished(row: Published): void {
  const model = findModel(row.id);
  assert.ok(model, `${row.id} is in the catalog`);
  const count = countOf(model);
  const close = (what: string, counted: number, published: number) => {
    const tolerance = row.within ?? (row.relative ? row.relative * published : 0);
    assert.ok(
      Math.abs(counted - published) <= tolerance,
      `${row.id} ${what}: counted ${counted.toLocaleString('en-US')}, published ${published.toLocaleString('en-US')} ± ${tolerance.toLocaleString('en-US')} (${row.source})`,
    );
  };
  if (row.total !== undefined) close('total', count.total, row.total);
  if (row.nonEmbedding !== undefined) close('non-embedding', count.total - embeddings(count), row.nonEmbedding);
  if (row.active !== undefined) close('active', count.active, row.active);
}
