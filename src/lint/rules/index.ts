// Every lint rule, a plain array sorted by code.
import type { Rule } from '../rule.js';
import { bracketInFieldName } from './bracket-in-field-name.js';
import { commonFieldNameClash } from './common-field-name-clash.js';
import { duplicateFieldName } from './duplicate-field-name.js';
import { emptyEventName } from './empty-event-name.js';
import { emptyFieldName } from './empty-field-name.js';
import { ignoredFlag } from './ignored-flag.js';
import { nonIdempotentDefinition } from './non-idempotent-definition.js';
import { separatorWithoutSpace } from './separator-without-space.js';
import { unusualEventName } from './unusual-event-name.js';
import { unusualFieldName } from './unusual-field-name.js';
import { whitespaceInFieldName } from './whitespace-in-field-name.js';

export const rules: readonly Rule[] = [
  emptyFieldName, // UE101
  bracketInFieldName, // UE102
  whitespaceInFieldName, // UE103
  duplicateFieldName, // UE104
  commonFieldNameClash, // UE105
  nonIdempotentDefinition, // UE106
  emptyEventName, // UE107
  unusualEventName, // UE108
  ignoredFlag, // UE109
  unusualFieldName, // UE110
  separatorWithoutSpace, // UE112
];
