// The built-in rules, in catalogue order. Each is an ordinary plugin rule: `{ meta, check }`.

import type { Rule } from '../src/api.js';
import emotionApology from './emotion-apology.js';
import missingCause from './missing-cause.js';
import passiveVoice from './passive-voice.js';
import unfulfilledPromise from './unfulfilled-promise.js';

export const builtinRules = [passiveVoice, emotionApology, missingCause, unfulfilledPromise] as unknown as Rule<object>[];
