/**
 * Where an organisation's site installs verksam from, written into its package.json: verksam's
 * git repository at the tag of the version that ran `init`. `verksam init --verksam KÄLLA` writes
 * another source (a fork, a tarball, a folder): anything `npm install` accepts.
 */
export const verksamRepository = 'github:kfkl/verksam';

export const defaultVerksamSource = (version: string) => `${verksamRepository}#v${version}`;
