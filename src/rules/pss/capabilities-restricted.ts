/*
 * pss/capabilities-restricted: the Pod Security `capabilities_restricted` check (restricted,
 * policy v1.22+; windows pods exempt from v1.25). It replaces pss/capabilities-baseline at the
 * restricted level; what that rule reports is not reported again here.
 * Checked fields: {init,ephemeral,}containers[*].securityContext.capabilities.drop (must
 * include "ALL") and .add (at most NET_BIND_SERVICE).
 */
import { capabilitiesRestricted } from '../../pss/checks/capabilities-restricted.js';
import { definePssRule } from './_factory.js';

export default definePssRule({
  check: capabilitiesRestricted,
  title: { en: 'Capabilities not dropped', ja: 'ケーパビリティが削除されていない' },
  description: {
    en: 'Restricted requires every container to drop ALL capabilities (exactly "ALL", in upper case) and to add back at most NET_BIND_SERVICE.',
    ja: 'Restricted はすべてのコンテナがケーパビリティを ALL（大文字の "ALL" と完全一致）で削除し、追加するのは NET_BIND_SERVICE だけにすることを求めます。',
  },
  remediation: {
    en: 'Set securityContext.capabilities.drop: ["ALL"] on every container, and add back only NET_BIND_SERVICE if the process binds a port below 1024.',
    ja: 'すべてのコンテナに securityContext.capabilities.drop: ["ALL"] を設定し、1024 未満のポートを使う場合だけ NET_BIND_SERVICE を追加してください。',
  },
  container: ({ ref, container }) => {
    const field = `${ref.pointer}/securityContext/capabilities`;
    const capabilities = container.securityContext?.capabilities;
    if (!(capabilities?.drop ?? []).includes('ALL')) {
      return `${field}/drop`;
    }
    const index = (capabilities?.add ?? []).findIndex((c) => c !== 'NET_BIND_SERVICE');
    return index < 0 ? `${field}/add` : `${field}/add/${index}`;
  },
});
