export { renderReport, writeReport } from './render-report.js';
export { parseReportData, reportDataSchema, ReportDataError } from './report-data.js';
export type {
  ReportBand,
  ReportCalibrationBin,
  ReportData,
  ReportFactor,
  ReportGrade,
  ReportHistogramBin,
  ReportRocPoint,
} from './report-data.js';
