/** `/`: the latest published verdicts. Mounted at '/', so its middleware is scoped to '/' only. */
import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { publicError, publicHeaders } from '../../http/public-context';
import { listResponse } from '../../http/public-list';

export const homePage = new Hono<AppEnv>();
homePage.onError(publicError);
homePage.use('/', publicHeaders());
homePage.get('/', (c) => listResponse(c, 'home'));
