import { ASCII_NUMBERS } from '../report/format';
/**
 * Regulatory training-compute thresholds as dated, versioned rule data. Each counts
 * cumulative training compute (all pretraining plus later fine-tuning of the same model) and
 * is compared against the 6·N·D estimate, as the Commission's guidelines and Epoch AI do.
 */
export interface ThresholdRule {
  readonly id: string;
  readonly name: string;
  /** Crossed when training compute is strictly greater than this. */
  readonly flops: number;
  readonly jurisdiction: string;
  readonly status: 'in-force' | 'guidance' | 'enacted' | 'revoked';
  /** When the rule took or takes effect, or was revoked. */
  readonly date: string;
  readonly source: string;
  readonly consequence: string;
  /** A second condition on the compute's price, which a planner that knows a price can check. */
  readonly costCondition?: { readonly dollars: number; readonly text: string };
}

/** The EU AI Act's notification duty, Art. 52(1): two weeks from when crossing is met or known to be. */
export const EU_NOTIFICATION_DAYS = 14;

/** What the EU systemic-risk rule asks once a run's estimate reaches it (a planned run included). */
export const EU_NOTIFICATION_DUTY = `Notify the European Commission within ${EU_NOTIFICATION_DAYS} days (two weeks) of it becoming known that the threshold will be met: for a plan, that is when the plan is made, before training starts (Art. 52(1)).`;

/** The version of this rule table; bump it when a rule is added, changed or revoked. */
export const THRESHOLD_RULES_VERSION = '2026-11-25';

export const THRESHOLD_RULES: readonly ThresholdRule[] = [
  {
    id: 'eu-ai-act-systemic',
    name: 'EU AI Act systemic risk (Art. 51)',
    flops: 1e25,
    jurisdiction: 'EU',
    status: 'in-force',
    date: '2025-08-02',
    source: 'Regulation (EU) 2024/1689, Art. 51(2); obligations for general-purpose AI models apply from 2 August 2025',
    consequence:
      'presumed to have high-impact capabilities: notify the Commission within two weeks of the threshold being met or it becoming known that it will be met (Art. 52(1))',
  },
  {
    id: 'eu-gpai-indicative',
    name: 'EU general-purpose AI model (indicative)',
    flops: 1e23,
    jurisdiction: 'EU',
    status: 'guidance',
    date: '2025-07-18',
    source: 'European Commission, Guidelines on the scope of obligations for providers of general-purpose AI models (July 2025)',
    consequence: 'indicative criterion for a general-purpose AI model: provider obligations of Art. 53 apply',
  },
  {
    id: 'california-sb53',
    name: 'California SB 53 frontier model',
    flops: 1e26,
    jurisdiction: 'California, US',
    status: 'enacted',
    date: '2026-01-01',
    source: 'Transparency in Frontier Artificial Intelligence Act (SB 53, 2025), Business and Professions Code § 22757.11',
    consequence: 'frontier developer duties: publish a frontier AI framework and transparency reports',
  },
  {
    id: 'new-york-raise',
    name: 'New York RAISE Act frontier model',
    flops: 1e26,
    jurisdiction: 'New York, US',
    status: 'enacted',
    date: '2027-01-01',
    // Signed 19 December 2025; the chapter amendment S.8828 (Ch. 96 of 2026, signed 27 March 2026)
    // re-enacted Article 44-B with the explicit 10^26 line and set the effective date.
    source: 'RAISE Act, N.Y. General Business Law art. 44-B § 1420, as re-enacted by chapter amendment S.8828 (Ch. 96 of 2026); in effect from 1 January 2027',
    consequence:
      'frontier developer duties: publish a transparency report before deployment; large frontier developers (> $500M revenue) also a frontier AI framework and 72-hour incident reports',
    // § 1420(6)(a): more than 10^26 operations "the compute cost of which exceeds one hundred million
    // dollars", the cost taken at the published market price of cloud compute (§ 1420(2)).
    costCondition: { dollars: 100e6, text: 'a compute cost over $100 million at the published market price of cloud compute' },
  },
  {
    id: 'korea-ai-basic-act',
    name: 'Korea AI Basic Act high-performance AI (Art. 32)',
    flops: 1e26,
    jurisdiction: 'South Korea',
    status: 'in-force',
    date: '2026-01-22',
    source:
      "Framework Act on the Development of Artificial Intelligence and the Establishment of a Foundation for Trust (AI Basic Act, Act No. 20676), Art. 32, with its Enforcement Decree's line of 10^26 FLOP of cumulative training compute; in force from 22 January 2026",
    consequence:
      'safety duties for high-performance AI: identify, assess and mitigate risks across the lifecycle and report the results to the Minister of Science and ICT',
  },
  {
    id: 'us-eo-14110',
    name: 'US Executive Order 14110 reporting',
    flops: 1e26,
    jurisdiction: 'US federal',
    status: 'revoked',
    date: '2025-01-20',
    source: 'Executive Order 14110 §4.2(b) (October 2023), revoked by Executive Order 14148 on 20 January 2025',
    consequence: 'no longer applies (revoked); shown for comparison with older plans',
  },
];

export type ThresholdTier = 'below' | 'within-margin' | 'crossed';

export interface ThresholdResult {
  readonly id: string;
  readonly name: string;
  readonly flops: number;
  readonly status: ThresholdRule['status'];
  readonly fraction: number;
  readonly tier: ThresholdTier;
  /** The estimate to two significant figures, as a notification would state it ("5.9e23 FLOP"). */
  readonly stated: string;
}

/**
 * The Commission accepts estimates within ±30%, so a run at 70% of a threshold may already
 * cross it: that is "within the margin", reported before "crossed".
 */
export const ESTIMATION_MARGIN = 0.3;

export function thresholdTier(fraction: number): ThresholdTier {
  if (fraction > 1) return 'crossed';
  if (fraction >= 1 - ESTIMATION_MARGIN) return 'within-margin';
  return 'below';
}

export function evaluateThresholds(compute: number, rules: readonly ThresholdRule[] = THRESHOLD_RULES): ThresholdResult[] {
  return rules.map((rule) => {
    const fraction = compute / rule.flops;
    return { id: rule.id, name: rule.name, flops: rule.flops, status: rule.status, fraction, tier: thresholdTier(fraction), stated: twoSignificant(compute) };
  });
}

/** "5.9e23 FLOP": two significant figures, as a notification states an estimate. */
export function twoSignificant(flops: number): string {
  if (!Number.isFinite(flops) || flops <= 0) return '0 FLOP';
  return `${ASCII_NUMBERS.flops(flops)} FLOP`;
}
