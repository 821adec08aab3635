// Short messages below the header (Element Plus puts them 20 px from the top, over the header);
// a new one replaces the one before, so an old error never stands beside a success.
import { ElMessage } from 'element-plus';

const OFFSET = 72;

export const toast = {
  success: (message: string) => {
    ElMessage.closeAll();
    ElMessage.success({ message, offset: OFFSET });
  },
  error: (message: string) => {
    ElMessage.closeAll();
    ElMessage.error({ message, offset: OFFSET });
  },
};
