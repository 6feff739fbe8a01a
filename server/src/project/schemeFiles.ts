import type { ProjectFiles } from './files';

/**
 * One file system for URIs of one scheme, another for the rest: the Node server reads
 * `file:` URIs itself and asks the editor for the others (a virtual workspace such as
 * GitHub Repositories' `vscode-vfs:` in desktop VS Code), which only the editor can read.
 */
export function filesByScheme(scheme: string, own: ProjectFiles, others: ProjectFiles): ProjectFiles {
  const pick = (uri: string) => (uri.startsWith(`${scheme}:`) ? own : others);
  return {
    stat: (uri) => pick(uri).stat(uri),
    read: (uri, maxBytes) => pick(uri).read(uri, maxBytes),
    readHead: (uri, bytes) => pick(uri).readHead(uri, bytes),
    list: (folder) => pick(folder).list(folder),
    realUri: (uri) => pick(uri).realUri(uri),
  };
}
