import type { WebModule } from '../web-module';
import { FORUM_ROLES, SOCIAL_SERVICES_ROLES } from '../viewer';
import { ForumPage } from './ForumPage';
import { MyTalksPage } from './MyTalksPage';
import { TalkPage } from './TalkPage';
import { TalksWeekPage } from './TalksWeekPage';

export const WEB_MODULE: WebModule = {
  routes: [
    { path: '/talks', roles: SOCIAL_SERVICES_ROLES, render: () => <TalksWeekPage />, title: (t) => t.talks.weekTitle },
    { path: '/talks/mine', roles: ['POLICE_OFFICER', 'SSPF_COORDINATOR'], render: () => <MyTalksPage />, title: (t) => t.talks.mineTitle },
    { path: '/forum', roles: FORUM_ROLES, render: () => <ForumPage />, title: (t) => t.forum.title },
    {
      path: '/talks/:id',
      roles: SOCIAL_SERVICES_ROLES,
      render: ({ id }) => <TalkPage key={id} id={id} />,
      title: (t) => t.talks.title(''),
    },
  ],
  nav: [
    { order: 150, href: '/talks', label: (t) => t.nav.talksWeek, roles: ['SOCIAL_WORKER', 'SOCIAL_SERVICES_SUPERVISOR'] },
    { order: 160, href: '/talks/mine', label: (t) => t.nav.myTalks, roles: ['POLICE_OFFICER', 'SSPF_COORDINATOR'] },
    { order: 170, href: '/forum', label: (t) => t.nav.forum, roles: FORUM_ROLES },
  ],
};
