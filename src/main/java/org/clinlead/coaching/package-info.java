/**
 * Coaching and mentoring: development plans with goals and actions, coach and mentor
 * relationships, session logs with shared and private notes, and programme figures for HR
 * (docs/coaching.md).
 */
package org.clinlead.coaching;
