// The ECharts bundle the app loads from its own origin (no CDN).
//
// charming's WasmRenderer calls the global `echarts`, so esbuild emits an IIFE that defines it
// (`--global-name=echarts`). Only the chart types and components the app's chart options use are
// registered (bar, line, radar; aria, grid, legend, markLine, radar, title, tooltip), and only the
// SVG renderer: components/chart.rs always inits with `renderer: "svg"`, and its PNG export draws
// the SVG string on a canvas itself. Only `echarts.init` is exported (the one function the app
// binds), so esbuild can drop the rest of echarts/core's API.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, RadarChart,
  AriaComponent, GridComponent, LegendComponent,
  MarkLineComponent, RadarComponent, TitleComponent, TooltipComponent,
  SVGRenderer,
]);

export { init } from 'echarts/core';
