/** What other modules' tables and queries may use of agencies, districts and users. */
export { AgencyEntity } from './agency.entity';
export { DistrictEntity } from './district.entity';
export { UserEntity } from './user.entity';
export type { StaffRow } from './organisation.repository';
