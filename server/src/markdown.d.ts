/** The build bundles `.md` files as text (esbuild's text loader): the default template ships inside the server. */
declare module '*.md' {
  const text: string;
  export default text;
}
