import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pagesWorkflow } from '../../src/init/site-files.js';
import { root, tempDir } from '../support/cli.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

/*
 * The Pages workflows, this repository's and the one `verksam init` writes for an organisation:
 * publishing on time (a daily run and a run by hand, so news dated in the future appears on its
 * day), a daily run that deploys nothing when nothing changed, and runs of one branch that
 * never race. GitHub runs the files; here their shape is checked, and the step that decides
 * whether to publish is run for real with bash and curl against a live site on 127.0.0.1.
 */

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: { build: Job; deploy: Job };
}

const workflows: [string, () => Promise<string>][] = [
  ['this repository', () => readFile(join(root, '.github', 'workflows', 'pages.yml'), 'utf8')],
  ['an organisation started with verksam init', async () => pagesWorkflow()],
];

const step = (job: Job, id: string) => {
  const found = job.steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no step with id ${id}`);
  return found;
};

describe.each(workflows)('the Pages workflow of %s', (_name, read) => {
  let workflow: Workflow;
  beforeAll(async () => {
    workflow = parse(await read()) as Workflow;
  });

  it('runs on a push to main, on pull requests, every early morning in Sweden and by hand', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'schedule', 'workflow_dispatch']));
    const [schedule] = workflow.on.schedule as { cron: string }[];
    const [minute, hour, ...rest] = schedule!.cron.split(' ');
    expect(rest).toEqual(['*', '*', '*']);
    // cron is in UTC: Sweden is one hour ahead in winter, two in summer; both after midnight and before work
    for (const offset of [1, 2]) {
      expect(Number(hour) + offset).toBeGreaterThanOrEqual(3);
      expect(Number(hour) + offset).toBeLessThanOrEqual(7);
    }
    expect(Number(minute)).toBeGreaterThanOrEqual(0);
  });

  it('lets a newer run of a branch cancel an older one\'s build', () => {
    expect(workflow.jobs.build.concurrency).toEqual({ group: 'build-${{ github.ref }}', 'cancel-in-progress': true });
  });

  it('deploys one at a time, never cancelled halfway, and only the newest commit of main', () => {
    const deploy = workflow.jobs.deploy;
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(deploy.if).toContain("github.ref == 'refs/heads/main'");
    const newest = step(deploy, 'newest');
    expect(newest.run).toContain('gh api "repos/${{ github.repository }}/commits/${{ github.ref_name }}" --jq .sha');
    expect(newest.run).toContain('"${{ github.sha }}"');
    const deployment = step(deploy, 'deployment');
    expect(deployment.uses).toMatch(/^actions\/deploy-pages@/);
    expect(deployment.if).toBe("steps.newest.outputs.newest == 'true'");
    // the check runs before the deployment
    expect(deploy.steps.indexOf(newest)).toBeLessThan(deploy.steps.indexOf(deployment));
  });

  it('uploads and deploys only what the comparison with the live site says to publish', () => {
    const build = workflow.jobs.build;
    expect(build.outputs).toEqual({ publish: '${{ steps.compare.outputs.publish }}' });
    const upload = build.steps.find((candidate) => candidate.uses?.startsWith('actions/upload-pages-artifact@'))!;
    expect(upload.if).toBe("steps.compare.outputs.publish == 'true'");
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.if).toContain("needs.build.outputs.publish == 'true'");
    const compare = step(build, 'compare');
    expect(compare.env).toEqual({ EVENT: '${{ github.event_name }}', SITE_URL: '${{ steps.pages.outputs.base_url }}' });
    // the site is built for the address Pages gives it before it is compared
    const pagesBuild = build.steps.findIndex((candidate) => candidate.run?.includes('--base-url "${{ steps.pages.outputs.base_url }}/"'));
    expect(pagesBuild).toBeGreaterThan(-1);
    expect(pagesBuild).toBeLessThan(build.steps.indexOf(compare));
  });

  describe('the step that decides whether to publish', () => {
    let work: string;
    let live: StaticServer;
    beforeAll(async () => {
      work = await tempDir('verksam-workflow-');
      await mkdir(join(work, 'live'));
      await mkdir(join(work, 'dist'));
      await writeFile(join(work, 'live', 'index.html'), '<!doctype html><title>x</title>');
      live = await startStaticServer(join(work, 'live'), { basePath: '/repo/' });
    });
    afterAll(async () => {
      await live.close();
      await rm(work, { recursive: true, force: true });
    });

    /** Runs the step's script as the workflow would; returns what it wrote to $GITHUB_OUTPUT. */
    async function decide(event: string, built: string, published: string | undefined): Promise<string> {
      await writeFile(join(work, 'dist', 'site-digest.txt'), built);
      const livePath = join(work, 'live', 'site-digest.txt');
      if (published === undefined) await rm(livePath, { force: true });
      else await writeFile(livePath, published);
      const output = join(work, 'output');
      await writeFile(output, '');
      const script = step(workflow.jobs.build, 'compare').run!;
      await new Promise<void>((done, fail) => {
        execFile('bash', ['-e', '-c', script], { cwd: work, env: { ...process.env, EVENT: event, SITE_URL: live.url('/repo'), GITHUB_OUTPUT: output } }, (error, stdout, stderr) =>
          error ? fail(new Error(`${stdout}${stderr}`)) : done(),
        );
      });
      return (await readFile(output, 'utf8')).trim();
    }

    const digest = `${'a'.repeat(64)}\n`;
    const other = `${'b'.repeat(64)}\n`;

    it('skips a scheduled run whose site is the one already published', async () => {
      expect(await decide('schedule', digest, digest)).toBe('publish=false');
    });

    it('publishes a scheduled run whose site changed (a news item\'s day has come)', async () => {
      expect(await decide('schedule', other, digest)).toBe('publish=true');
    });

    it('publishes when nothing is published yet', async () => {
      expect(await decide('schedule', digest, undefined)).toBe('publish=true');
    });

    it('always publishes a push and a run by hand', async () => {
      expect(await decide('push', digest, digest)).toBe('publish=true');
      expect(await decide('workflow_dispatch', digest, digest)).toBe('publish=true');
    });
  });
});
