/** The organisation repository's .gitignore: what a build or npm makes, never content. */
export function gitignoreFile(): string {
  return `# Det som bygget och npm skapar; det ska inte in i git.
node_modules/
dist/
.cache/
# det bygget lägger bredvid dist/ medan det skriver den nya webbplatsen
.dist-*/
.verksam-*/
`;
}
