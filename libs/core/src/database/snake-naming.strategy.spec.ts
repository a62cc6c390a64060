import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();

  it('names tables and columns in snake_case', () => {
    expect(naming.tableName('AttendanceRight')).toBe('attendance_right');
    expect(naming.columnName('noticeLeadDays', undefined, [])).toBe('notice_lead_days');
    expect(naming.columnName('id', undefined, ['rules'])).toBe('rules_id');
    expect(naming.tableName('Organ', 'organs')).toBe('organs');
  });
});
