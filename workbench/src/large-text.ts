// 大字版: a larger type for the whole 工作台, chosen by each user and kept in this browser.
import { ref, watch } from 'vue';
import { session } from './session';

const storageKey = (userId: string): string => `shenpi.workbench.large-text.${userId}`;

export const largeText = ref(false);

function apply(on: boolean): void {
  document.documentElement.classList.toggle('large-text', on);
}

/** Follows the logged-in user: their choice comes back at the next login in this browser. */
export function followLargeText(): void {
  watch(() => session.state.user?.id, (userId) => {
    largeText.value = userId ? localStorage.getItem(storageKey(userId)) === 'on' : false;
    apply(largeText.value);
  }, { immediate: true });
  watch(largeText, (on) => {
    apply(on);
    const userId = session.state.user?.id;
    if (userId) localStorage.setItem(storageKey(userId), on ? 'on' : 'off');
  });
}
