/*
 * The organisation repository's package.json: verksam as its one dependency and the commands
 * editors run. verksam's own `overrides` are copied, because npm applies overrides only in the
 * root package: without them the site would install other versions than verksam was tested with.
 */

/** What init takes from verksam's own package.json. */
export interface VerksamPackage {
  version: string;
  engines?: Record<string, string>;
  overrides?: Record<string, unknown>;
}

/** The package name npm gives the site: the folder's name, as npm accepts it. */
export function packageName(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name || 'webbplats';
}

export function packageJsonFile(folderName: string, verksamSource: string, verksam: VerksamPackage): string {
  const manifest = {
    name: packageName(folderName),
    private: true,
    type: 'module',
    scripts: {
      build: 'verksam build',
      check: 'verksam check',
      dev: 'verksam dev',
      serve: 'verksam serve',
    },
    dependencies: { verksam: verksamSource },
    ...(verksam.engines ? { engines: verksam.engines } : {}),
    ...(verksam.overrides ? { overrides: verksam.overrides } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
