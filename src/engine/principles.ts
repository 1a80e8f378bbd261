import type { Principle } from '../api.js';

/** The eight principles of crisis communication (RULES.md). */
export const PRINCIPLE_INFO: Record<Principle, { name: string; line: string }> = {
  P1: { name: 'Be prompt', line: 'Acknowledge and apologise right away; do not wait days.' },
  P2: { name: 'Own it', line: 'Apologise for what you did, in active voice; no blame-shifting, no leading with denials.' },
  P3: { name: 'Explain', line: 'Offer a cause, or at least a working theory; it dispels rumours.' },
  P4: { name: 'Be concrete', line: 'Say who and what is affected; a "back to normal" note needs meat.' },
  P5: { name: 'Keep promises', line: '"More details soon" must be delivered; no false hope or certainty you do not have.' },
  P6: { name: 'Stay present', line: 'Silence reads as abandonment: give a next-update time, keep the cadence, close the loop.' },
  P7: { name: 'Make it right', line: 'Remedy for real harm; say what will stop it happening again.' },
  P8: { name: 'Be human', line: 'Plain, warm, first-person words; no platitudes, no corporate fog.' },
};
