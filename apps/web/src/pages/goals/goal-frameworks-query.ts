import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type GoalFramework = Schemas['GoalFrameworkDto'];
export type ImportResult = Schemas['ImportResultDto'];

export function useGoalFrameworks() {
  return useQuery({ queryKey: ['goal-frameworks'], queryFn: () => call(api.GET('/api/v1/goal-frameworks')) });
}

const isJson = (file: File) => file.name.toLowerCase().endsWith('.json') || file.type === 'application/json';

/**
 * A framework file as the controller keeps it: an Excel workbook goes as a multipart upload, a JSON file as
 * its own text, so that the server, not the browser, says where a malformed file goes wrong.
 */
export function useImportFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<ImportResult> => {
      if (isJson(file)) {
        const text = await file.text();
        return call(api.POST('/api/v1/goal-frameworks/import', { body: {}, bodySerializer: () => text, headers: { 'Content-Type': 'application/json' } }));
      }
      const form = new FormData();
      form.append('file', file);
      return call(api.POST('/api/v1/goal-frameworks/import.xlsx', { body: { file: '' }, bodySerializer: () => form }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['goal-frameworks'] }),
  });
}
