// Short messages below the header (Element Plus puts them 20 px from the top, over the header).
import { ElMessage } from 'element-plus';

const OFFSET = 72;

export const toast = {
  success: (message: string) => ElMessage.success({ message, offset: OFFSET }),
  error: (message: string) => ElMessage.error({ message, offset: OFFSET }),
};
