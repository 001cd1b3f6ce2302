import { defineProblems } from '../../common/problems.js';

export const SalesReportProblem = defineProblems({
  NEGATIVE_AMOUNT: 'An amount (GMV, a refund) is negative; report refunds as refunds.',
  REFUNDS_EXCEED_GMV: 'A sales report’s refunds add up to more than its GMV for the same period.',
  SALES_REPORT_CONFLICT: 'Another report with other figures is in force for the same deal, period and source; send a correction to replace it.',
  REPORT_SUPERSEDED: 'The sales report named was already corrected; correct the one in force instead.',
  PERIOD_OVERLAP: 'The period overlaps another period the same source reported for the deal, so sales would count twice.',
});
