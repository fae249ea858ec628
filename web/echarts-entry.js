// The ECharts bundle the app loads from its own origin (no CDN).
//
// charming's WasmRenderer calls the global `echarts`, so esbuild emits an IIFE that defines it
// (`--global-name=echarts`). Only the chart types and components the app draws are registered:
// the tree-shaken bundle is about a third smaller than echarts.min.js.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, RadarChart, ScatterChart,
  AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent,
  MarkLineComponent, RadarComponent, TitleComponent, TooltipComponent,
  CanvasRenderer, SVGRenderer,
]);

export * from 'echarts/core';
