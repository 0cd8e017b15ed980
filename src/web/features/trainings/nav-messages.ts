// The few words the page frame needs for the trainings links, kept apart so the first page stays small.
import { addMessages } from '../../i18n/i18n.js';

addMessages('trainingsNav', {
  it: { courses: 'Formazione', staffCourses: 'Corsi', myCourses: 'I miei corsi' },
  en: { courses: 'Training', staffCourses: 'Courses', myCourses: 'My courses' },
  ar: { courses: 'التدريب', staffCourses: 'الدورات', myCourses: 'دوراتي' },
});
