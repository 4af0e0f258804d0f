import { classify, routePath } from '../../src/proxy/decide.js';

describe('routePath: the path dockerd routes on', () => {
  test.each([
    ['/containers/create', '/containers/create'],
    ['/v1.41/containers/create?name=x', '/containers/create'],
    ['/v1.41/%63ontainers/create', '/containers/create'],
    ['/v1.41/containers%2Fcreate', '/containers/create'],
    ['/v1.41/x/../containers/create', '/containers/create'],
    ['/v1.41/./containers//create', '/containers/create'],
    ['//v1.41/containers/create', '/containers/create'],
    ['/v1.41.0/containers/create', '/containers/create'],
    ['/v./containers/create', '/containers/create'],
    ['/%761.41/containers/create', '/containers/create'],
    ['/../../v1.41/containers/create', '/containers/create'],
    ['http://docker/v1.41/containers/create', '/containers/create'],
    ['/vX/containers/create', '/vX/containers/create'],
  ])('%s -> %s', (url, path) => {
    expect(routePath(url)).toBe(path);
  });

  test('malformed percent-encoding is not a route (dockerd answers 400)', () => {
    expect(routePath('/v1.41/containers/create%')).toBeUndefined();
  });
});

describe('classify', () => {
  test.each([
    ['POST', '/v1.41/containers/create', { kind: 'container-create' }],
    ['POST', '/v1.41/%63ontainers/create', { kind: 'container-create' }],
    ['GET', '/v1.41/containers/create', { kind: 'forward' }],
    ['POST', '/build?t=x', { kind: 'build' }],
    ['POST', '/v1.41/containers/abc/start', { kind: 'container-start', container: 'abc' }],
    ['POST', '/v1.41/containers/abc/restart?t=1', { kind: 'container-start', container: 'abc' }],
    ['POST', '/v1.41/containers/%61bc/exec', { kind: 'exec-create', container: 'abc' }],
    ['POST', '/v1.41/containers/abc/stop', { kind: 'forward' }],
    ['POST', '/v1.41/exec/123/start', { kind: 'forward' }],
    ['POST', '/containers/create%zz', { kind: 'forward' }],
    ['POST', '/v1.41/volumes/create', { kind: 'volume-change' }],
    ['POST', '/v1.41/volumes/prune?filters=%7B%7D', { kind: 'volume-change' }],
    ['DELETE', '/v1.41/volumes/etcvol?force=1', { kind: 'volume-change' }],
    ['DELETE', '/v1.41/%76olumes/etcvol', { kind: 'volume-change' }],
    ['GET', '/v1.41/volumes/etcvol', { kind: 'forward' }],
    ['DELETE', '/v1.41/containers/abc', { kind: 'forward' }],
  ])('%s %s', (method, url, expected) => {
    expect(classify(method, url)).toEqual(expected);
  });
});
