import { DELIVERY_STATES, type DeliveryState, WebhookLimits } from '@cohort/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const LIMIT = { message: `must be an integer from 1 to ${WebhookLimits.pageMax}` };
const DEFAULT_LIMIT = 20;

export class DeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATES, description: 'Only deliveries in this state' })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @ApiPropertyOptional({ description: 'The `cursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    default: DEFAULT_LIMIT,
    description: `Deliveries per page, 1 to ${WebhookLimits.pageMax}`,
  })
  @Transform(({ value }) =>
    value === undefined || value === ''
      ? DEFAULT_LIMIT
      : typeof value === 'string' && /^[0-9]+$/.test(value)
        ? Number(value)
        : value,
  )
  @IsInt(LIMIT)
  @Min(1, LIMIT)
  @Max(WebhookLimits.pageMax, LIMIT)
  limit: number = DEFAULT_LIMIT;
}
