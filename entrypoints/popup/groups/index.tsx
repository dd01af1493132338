import type { GroupsViewState } from '../shared/store';
import { CreateGroupView } from './CreateGroupView';
import { GroupPanel } from './GroupPanel';
import { GroupsView } from './GroupsView';
import { JoinByLinkView } from './JoinByLinkView';
import { JoinRequestsView } from './JoinRequestsView';
import { ParticipantsView } from './ParticipantsView';
import './groups.css';

/**
 * Everything about one session's groups. Loaded on demand (React.lazy in PopupApp), so the
 * popup's first paint does not pay for it.
 */
export default function GroupsScreen({ view }: { view: GroupsViewState }) {
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
