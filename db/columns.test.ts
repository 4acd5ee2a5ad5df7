import 'reflect-metadata';
import { DeadlineEntity } from './deadlines/deadline.entity';
import { ReportEntity } from './reports/report.entity';
import { ChildEntity } from './children/child.entity';
import { column, entityColumns, selectList } from './columns';

describe('columns from the entity', () => {
  it('selects every column of the entity under its property name, except the omitted', () => {
    const list = selectList(DeadlineEntity, 'd', { omit: ['createdAt'] });
    for (const [property, name] of entityColumns(DeadlineEntity)) {
      if (property === 'createdAt') expect(list).not.toContain(`d.${name}`);
      else expect(list).toContain(name === property ? `d.${name}` : `d.${name} AS "${property}"`);
    }
    expect(list).toContain('d.subject_reference AS "subjectReference"');
  });

  it('uses an expression where one is given', () => {
    expect(
      selectList(ChildEntity, 'c', { omit: ['createdAt', 'updatedAt'], as: { birthDate: "to_char(c.birth_date, 'YYYY-MM-DD')" } }),
    ).toContain(`to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate"`);
  });

  it("names a property's column, and refuses one the entity lacks", () => {
    expect(column(ReportEntity, 'r', 'receivedAt')).toBe('r.received_at');
    expect(() => column(ReportEntity, 'r', 'nope' as never)).toThrow('ReportEntity has no column nope');
  });
});
