// The events module's participants as a newsletter audience.
import { eventParticipantContacts } from '../events/events.service.js';
import type { EventContactsFn } from './newsletter.service.js';

export const eventContacts: EventContactsFn | null = eventParticipantContacts;
