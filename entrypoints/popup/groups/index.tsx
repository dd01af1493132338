import type { ReactNode } from 'react';
import { CreateGroupView } from './CreateGroupView';
import { GroupPanel } from './GroupPanel';
import { GroupsView } from './GroupsView';
import { JoinByLinkView } from './JoinByLinkView';
import { JoinRequestsView } from './JoinRequestsView';
import { ParticipantsView } from './ParticipantsView';
import './groups.css';

export type GroupsView =
  | { name: 'groups'; sessionId: string }
  | { name: 'group'; sessionId: string; groupId: string }
  | { name: 'group-participants'; sessionId: string; groupId: string }
  | { name: 'group-requests'; sessionId: string; groupId: string }
  | { name: 'group-create'; sessionId: string }
  | { name: 'group-join'; sessionId: string };

/**
 * Everything about one session's groups. Its own chunk, loaded when first shown (../features.ts),
 * so the popup's first paint does not pay for it.
 */
export default function GroupsScreen({ view }: { view: GroupsView }): ReactNode {
  switch (view.name) {
    case 'groups':
      return <GroupsView sessionId={view.sessionId} />;
    case 'group':
      return <GroupPanel sessionId={view.sessionId} groupId={view.groupId} />;
    case 'group-participants':
      return <ParticipantsView sessionId={view.sessionId} groupId={view.groupId} />;
    case 'group-requests':
      return <JoinRequestsView sessionId={view.sessionId} groupId={view.groupId} />;
    case 'group-create':
      return <CreateGroupView sessionId={view.sessionId} />;
    case 'group-join':
      return <JoinByLinkView sessionId={view.sessionId} />;
  }
}
