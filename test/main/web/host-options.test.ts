import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPort, parseHostOptions, type HostOptions } from '../../../src-main/web/host-options';

const cjk = /[\u4e00-\u9fff]/;
const latin = /[A-Za-z]{3,}/;
const linuxEnv = { HOME: '/home/ana' };

function optionsOf(argv: readonly string[], env: NodeJS.ProcessEnv = linuxEnv): HostOptions {
  const parsed = parseHostOptions(argv, env, 'linux');
  if (!parsed.ok) throw new Error(`expected options, got: ${parsed.message}`);
  return parsed.options;
}

function messageOf(argv: readonly string[], env: NodeJS.ProcessEnv = linuxEnv): string {
  const parsed = parseHostOptions(argv, env, 'linux');
  if (parsed.ok) throw new Error(`expected a refusal, got ${JSON.stringify(parsed.options)}`);
  return parsed.message;
}

describe('parseHostOptions with no arguments', () => {
  it('uses the stable default port 5319, opens the browser and keeps data per port', () => {
    expect(defaultPort).toBe(5319);
    expect(optionsOf([])).toEqual({
      port: 5319,
      open: true,
      dataDir: join('/home/ana', '.local', 'share', 'Scorebook', 'web-5319'),
    });
  });
});

describe('defaultDataDir', () => {
  it('uses ~/.local/share on Linux', () => {
    expect(defaultDataDir(5319, { HOME: '/home/ana' }, 'linux')).toBe(
      join('/home/ana', '.local', 'share', 'Scorebook', 'web-5319'),
    );
  });

  it('uses XDG_DATA_HOME on Linux when it is set', () => {
    expect(defaultDataDir(5319, { HOME: '/home/ana', XDG_DATA_HOME: '/data/xdg' }, 'linux')).toBe(
      join('/data/xdg', 'Scorebook', 'web-5319'),
    );
  });

  it('ignores an empty XDG_DATA_HOME, as the XDG spec says, rather than using a relative folder', () => {
    expect(defaultDataDir(5319, { HOME: '/home/ana', XDG_DATA_HOME: '' }, 'linux')).toBe(
      join('/home/ana', '.local', 'share', 'Scorebook', 'web-5319'),
    );
  });

  it('uses ~/Library/Application Support on macOS, ignoring XDG_DATA_HOME', () => {
    expect(defaultDataDir(5319, { HOME: '/Users/ana', XDG_DATA_HOME: '/data/xdg' }, 'darwin')).toBe(
      join('/Users/ana', 'Library', 'Application Support', 'Scorebook', 'web-5319'),
    );
  });

  it('uses APPDATA on Windows', () => {
    const appData = 'C:\\Users\\ana\\AppData\\Roaming';
    expect(defaultDataDir(5319, { USERPROFILE: 'C:\\Users\\ana', APPDATA: appData }, 'win32')).toBe(
      join(appData, 'Scorebook', 'web-5319'),
    );
  });

  it('falls back to the profile’s AppData\\Roaming on Windows when APPDATA is missing or empty', () => {
    const expected = join('C:\\Users\\ana', 'AppData', 'Roaming', 'Scorebook', 'web-5319');
    expect(defaultDataDir(5319, { USERPROFILE: 'C:\\Users\\ana' }, 'win32')).toBe(expected);
    expect(defaultDataDir(5319, { USERPROFILE: 'C:\\Users\\ana', APPDATA: '' }, 'win32')).toBe(expected);
  });

  it('keeps one folder per port, since each port is a separate browser origin', () => {
    expect(defaultDataDir(5320, linuxEnv, 'linux')).not.toBe(defaultDataDir(5319, linuxEnv, 'linux'));
    expect(defaultDataDir(5320, linuxEnv, 'linux').endsWith(join('Scorebook', 'web-5320'))).toBe(true);
  });

  it('always answers an absolute folder', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultDataDir(5319, {}, platform)).toMatch(/^(\/|[A-Za-z]:\\)/);
    }
  });
});

describe('parseHostOptions with arguments', () => {
  it('takes --port and keeps the data folder of that port', () => {
    expect(optionsOf(['--port', '6001'])).toMatchObject({
      port: 6001,
      dataDir: join('/home/ana', '.local', 'share', 'Scorebook', 'web-6001'),
    });
  });

  it('takes --data-dir', () => {
    expect(optionsOf(['--data-dir', '/srv/scorebook']).dataDir).toBe('/srv/scorebook');
  });

  it('takes --no-open', () => {
    expect(optionsOf(['--no-open']).open).toBe(false);
  });

  it('takes all three in any order', () => {
    expect(optionsOf(['--no-open', '--data-dir', '/d', '--port', '7000'])).toEqual({
      port: 7000,
      dataDir: '/d',
      open: false,
    });
  });

  it.each(['1024', '65535'])('accepts the boundary port %s', (port) => {
    expect(optionsOf(['--port', port]).port).toBe(Number(port));
  });

  it('lets the last --port win', () => {
    expect(optionsOf(['--port', '6000', '--port', '6002']).port).toBe(6002);
  });
});

describe('parseHostOptions with environment variables', () => {
  it('takes SCOREBOOK_PORT and SCOREBOOK_DATA_DIR as defaults', () => {
    expect(optionsOf([], { ...linuxEnv, SCOREBOOK_PORT: '6100', SCOREBOOK_DATA_DIR: '/env/dir' })).toEqual({
      port: 6100,
      dataDir: '/env/dir',
      open: true,
    });
  });

  it('derives the data folder from SCOREBOOK_PORT when no folder is given', () => {
    expect(optionsOf([], { ...linuxEnv, SCOREBOOK_PORT: '6100' }).dataDir).toBe(
      join('/home/ana', '.local', 'share', 'Scorebook', 'web-6100'),
    );
  });

  it('lets arguments override the environment', () => {
    const env = { ...linuxEnv, SCOREBOOK_PORT: '6100', SCOREBOOK_DATA_DIR: '/env/dir' };
    expect(optionsOf(['--port', '6200', '--data-dir', '/arg/dir'], env)).toMatchObject({
      port: 6200,
      dataDir: '/arg/dir',
    });
  });

  it('refuses an invalid SCOREBOOK_PORT with a bilingual message', () => {
    const message = messageOf([], { ...linuxEnv, SCOREBOOK_PORT: 'eighty' });
    expect(message).toMatch(cjk);
    expect(message).toMatch(latin);
  });
});

describe('parseHostOptions refuses bad input with a message in Chinese and English', () => {
  it.each([
    ['a word', ['--port', 'abc']],
    ['a privileged port', ['--port', '80']],
    ['the port just below 1024', ['--port', '1023']],
    ['a port above 65535', ['--port', '65536']],
    ['a fraction', ['--port', '5319.5']],
    ['a negative port', ['--port', '-1']],
    ['an empty port', ['--port', '']],
    ['a missing port value', ['--port']],
  ])('refuses %s as the port', (_, argv) => {
    const message = messageOf(argv);
    expect(message).toMatch(cjk);
    expect(message).toMatch(latin);
    expect(message).toContain('port');
  });

  it('names the invalid port it refused', () => {
    expect(messageOf(['--port', '80'])).toContain('80');
  });

  it.each([['--verbose'], ['--port=6000'], ['-p'], ['serve'], ['--NO-OPEN']])(
    'refuses the unknown option %s',
    (arg) => {
      const message = messageOf([arg]);
      expect(message).toMatch(cjk);
      expect(message).toMatch(latin);
      expect(message).toContain(arg);
    },
  );

  it('refuses an empty --data-dir', () => {
    const message = messageOf(['--data-dir', '']);
    expect(message).toMatch(cjk);
    expect(message).toMatch(latin);
  });

  it('refuses --data-dir without a value rather than silently using the default folder', () => {
    const message = messageOf(['--no-open', '--data-dir']);
    expect(message).toMatch(cjk);
    expect(message).toMatch(latin);
  });
});
