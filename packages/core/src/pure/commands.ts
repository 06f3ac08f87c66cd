/** Properties of a workflow command such as `::error file=a.py,line=3::message`. */
export type CommandProperties = Record<string, string | number | undefined>;

/** escapeData escapes a workflow command's message the way the runner unescapes it. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** escapeProperty escapes a workflow command's property value (also `:` and `,`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** formatCommand renders a `::name props::message` workflow command line. */
export function formatCommand(
  name: string,
  properties: CommandProperties,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** formatKeyValue renders a `name<<delimiter` block for GITHUB_OUTPUT, GITHUB_STATE or GITHUB_ENV. */
export function formatKeyValue(name: string, value: string, delimiter: string): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`the value of '${name}' contains the delimiter ${delimiter}`);
  }
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
