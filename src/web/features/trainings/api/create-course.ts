// POST /courses (staff): a new draft course.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseDetail, CreateCourseInput } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const createCourse = (body: CreateCourseInput) =>
  api<CourseDetail>('/courses', { method: 'POST', body });

export function useCreateCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createCourse,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}
