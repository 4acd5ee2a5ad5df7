import type { WebModule } from '../web-module';
import { IndicatorsPage } from './IndicatorsPage';
import { TalkFiguresPage } from './TalkFiguresPage';

export const WEB_MODULE: WebModule = {
  routes: [
    {
      path: '/indicators',
      roles: ['SOCIAL_SERVICES_SUPERVISOR', 'ANALYST'],
      render: () => <IndicatorsPage />,
      title: (t) => t.nav.indicators,
    },
    {
      path: '/indicators/talks',
      roles: ['SOCIAL_SERVICES_SUPERVISOR', 'ANALYST'],
      render: () => <TalkFiguresPage />,
      title: (t) => t.nav.talkFigures,
    },
  ],
  nav: [
    { order: 80, href: '/indicators', label: (t) => t.nav.indicators, roles: ['SOCIAL_SERVICES_SUPERVISOR', 'ANALYST'] },
    { order: 90, href: '/indicators/talks', label: (t) => t.nav.talkFigures, roles: ['SOCIAL_SERVICES_SUPERVISOR', 'ANALYST'] },
  ],
};
