/**
 * Reports operators keep on: which accepted reports reach their observers one by one, the first of each fault in a
 * window and a fraction of the rest ({@link dev.beacon.core.rollup.ReportRollups}), and every one of them counted in its
 * window's rollup, one per fault up to a number of faults ({@code ReportWindow}), each counting its reports, their
 * times and their distinct pages and clients ({@code Tally}, {@code DistinctEstimate}) beside a sample that holds no
 * batch ({@code DetachedSample}). The windows close on time in the delivery's {@code RollupWindows}.
 */
package dev.beacon.core.rollup;
