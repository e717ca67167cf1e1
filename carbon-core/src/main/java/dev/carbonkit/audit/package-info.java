/**
 * Receipts of footprints and awards as canonical JSON ({@link dev.carbonkit.audit.Receipt}), written and read
 * as JSON Lines in constant memory ({@link dev.carbonkit.audit.ReceiptWriter},
 * {@link dev.carbonkit.audit.ReceiptReader}), and replayed against an auditor's tables and rule sets by
 * {@link dev.carbonkit.audit.ReceiptVerifier}. The format is documented in docs/receipt-format.md.
 *
 * <p>No method in this package accepts {@code null} unless its documentation says so.
 */
package dev.carbonkit.audit;
