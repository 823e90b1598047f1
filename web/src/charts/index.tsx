import { type ComponentProps, lazy, Suspense } from 'react';
import { Loading } from '../ui';

// The charts load on demand: the chart library is a separate bundle, fetched the first time a screen draws one,
// so signing in and the forms stay as quick as before.
const sections = () => import('./sections');
const LazyCaseMeasureCharts = lazy(() => sections().then((m) => ({ default: m.CaseMeasureCharts })));
const LazyBodyPipelineSection = lazy(() => sections().then((m) => ({ default: m.BodyPipelineSection })));
const LazyCalibrationResultsSection = lazy(() => sections().then((m) => ({ default: m.CalibrationResultsSection })));
const LazyReliabilityHistoryChart = lazy(() => import('./reliability-history').then((m) => ({ default: m.ReliabilityHistoryChart })));
const LazyMyCalibrationChart = lazy(() => import('./calibration-chart').then((m) => ({ default: m.MyCalibrationChart })));

type Props<T> = T extends (p: infer P) => unknown ? P : never;
type Sections = typeof import('./sections');

export const CaseMeasureCharts = (p: Props<Sections['CaseMeasureCharts']>) => (
  <Suspense fallback={<Loading />}>
    <LazyCaseMeasureCharts {...p} />
  </Suspense>
);
export const BodyPipelineSection = () => (
  <Suspense fallback={<Loading />}>
    <LazyBodyPipelineSection />
  </Suspense>
);
export const CalibrationResultsSection = () => (
  <Suspense fallback={<Loading />}>
    <LazyCalibrationResultsSection />
  </Suspense>
);
export const ReliabilityHistoryChart = (p: ComponentProps<typeof LazyReliabilityHistoryChart>) => (
  <Suspense fallback={<Loading />}>
    <LazyReliabilityHistoryChart {...p} />
  </Suspense>
);
export const MyCalibrationChart = (p: ComponentProps<typeof LazyMyCalibrationChart>) => (
  <Suspense fallback={<Loading />}>
    <LazyMyCalibrationChart {...p} />
  </Suspense>
);
