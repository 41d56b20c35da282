/** A plain bar chart drawn with recharts, loaded lazily; the table beside it has the exact figures. */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Height of a chart, in CSS pixels. */
const CHART_HEIGHT_PX = 240;

export interface BarChartViewProps {
  bars: Array<{ label: string; value: number }>;
  /** Name of the value in the tooltip. */
  valueName: string;
  color: string;
  /** Formats the value axis, in the reader's locale. */
  formatValue: (value: number) => string;
}

export default function BarChartView({ bars, valueName, color, formatValue }: BarChartViewProps) {
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
      <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis tickFormatter={formatValue} width={80} />
        <Tooltip formatter={(value) => formatValue(Number(value))} />
        <Bar dataKey="value" name={valueName} fill={color} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
